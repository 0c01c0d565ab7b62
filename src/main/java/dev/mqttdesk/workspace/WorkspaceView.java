package dev.mqttdesk.workspace;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.ui.Fx;
import dev.mqttdesk.ui.ViewLifetime;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.shape.Circle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Thin controller of the sidebar: the saved connections in their folders, search, and the list's buttons. */
public final class WorkspaceView {

    @FXML private MenuButton profilesMenu;
    @FXML private TextField profileSearchField;
    @FXML private TreeView<Object> profileList;
    @FXML private Button newProfileButton;
    @FXML private Button duplicateProfileButton;
    @FXML private Button deleteProfileButton;
    @FXML private Button moveUpButton;
    @FXML private Button moveDownButton;
    @FXML private ComboBox<String> profileFolderChoice;
    @FXML private Label workspaceNotice;

    private final Workspace workspace;
    private final WorkspaceFiles files;
    private final ViewLifetime life;
    private boolean syncing;

    public WorkspaceView(Workspace workspace, WorkspaceFiles files, ViewLifetime life) {
        this.life = life;
        this.workspace = workspace;
        this.files = files;
    }

    @FXML
    private void initialize() {
        profileList.setRoot(new TreeItem<>());
        profileList.setCellFactory(tree -> new ProfileCell());
        InvalidationListener rebuild = o -> rebuild();
        life.listen(workspace.profiles(), rebuild);
        life.listen(workspace.folders(), rebuild);
        profileSearchField.textProperty().addListener(rebuild);
        workspace.profiles().forEach(p -> p.folderProperty().addListener(rebuild));
        life.listen(workspace.profiles(), (javafx.collections.ListChangeListener<Profile>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(p -> p.folderProperty().addListener(rebuild));
                c.getRemoved().forEach(p -> p.folderProperty().removeListener(rebuild));
            }
        });
        life.onEnd(() -> workspace.profiles().forEach(p -> p.folderProperty().removeListener(rebuild)));
        rebuild();
        profileList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing && now != null && now.getValue() instanceof Profile p) {
                workspace.select(p);
            }
        });
        life.listen(workspace.selectedProperty(), (o, was, now) -> {
            selectInTree(now);
            showFolder(now);
        });
        selectInTree(workspace.selectedProperty().get());

        profileFolderChoice.setItems(workspace.folders());
        showFolder(workspace.selectedProperty().get());
        profileFolderChoice.setOnAction(e -> {
            Profile p = workspace.selectedProperty().get();
            if (!syncing && p != null) {
                String value = profileFolderChoice.getEditor().getText();
                workspace.moveToFolder(p, value == null ? profileFolderChoice.getValue() : value);
            }
        });
        workspaceNotice.textProperty().bind(files.noticeProperty());
        workspaceNotice.visibleProperty().bind(files.noticeProperty().isNotEmpty());
        workspaceNotice.managedProperty().bind(workspaceNotice.visibleProperty());
    }

    private void showFolder(Profile p) {
        syncing = true;
        try {
            String f = p == null ? "" : p.folderProperty().get();
            profileFolderChoice.setValue(f);
            profileFolderChoice.getEditor().setText(f);
        } finally {
            syncing = false;
        }
    }

    /** The tree again from the list: folders in their order, then the top-level connections; only search hits. */
    private void rebuild() {
        List<Profile> shown = workspace.search(profileSearchField.getText());
        Map<String, TreeItem<Object>> folderItems = new LinkedHashMap<>();
        for (String f : workspace.folders()) {
            TreeItem<Object> item = new TreeItem<>(f);
            item.setExpanded(true);
            folderItems.put(f, item);
        }
        TreeItem<Object> root = profileList.getRoot();
        List<TreeItem<Object>> top = new java.util.ArrayList<>();
        for (Profile p : shown) {
            String f = p.folderProperty().get();
            TreeItem<Object> item = new TreeItem<>(p);
            if (f.isEmpty()) {
                top.add(item);
            } else {
                folderItems.computeIfAbsent(f, k -> {
                    TreeItem<Object> fi = new TreeItem<>(k);
                    fi.setExpanded(true);
                    return fi;
                }).getChildren().add(item);
            }
        }
        syncing = true;
        try {
            List<TreeItem<Object>> children = new java.util.ArrayList<>(folderItems.values());
            children.addAll(top);
            root.getChildren().setAll(children);
        } finally {
            syncing = false;
        }
        selectInTree(workspace.selectedProperty().get());
    }

    private void selectInTree(Profile p) {
        TreeItem<Object> item = find(profileList.getRoot(), p);
        syncing = true;
        try {
            if (item == null) {
                profileList.getSelectionModel().clearSelection();
            } else {
                profileList.getSelectionModel().select(item);
            }
        } finally {
            syncing = false;
        }
    }

    private static TreeItem<Object> find(TreeItem<Object> in, Object value) {
        for (TreeItem<Object> child : in.getChildren()) {
            if (child.getValue() == value) {
                return child;
            }
            TreeItem<Object> deeper = find(child, value);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    /** A connection's row: its name first, then what arrived unseen and a warning when it skips verification. */
    private static final class ProfileCell extends TreeCell<Object> {
        private final Circle dot = new Circle(4);
        /** Made when a row first shows an insecure connection: a tooltip is a window, too dear for every row. */
        private Tooltip insecureTip;
        private final List<Observable> watched = new java.util.ArrayList<>();
        private final InvalidationListener refresh = o -> show();
        /** What the profile holds: a cell of a dropped sidebar (another language) must not keep it. */
        private final WeakInvalidationListener weakRefresh = new WeakInvalidationListener(refresh);

        ProfileCell() {
            dot.getStyleClass().add("state-dot");
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            watched.forEach(o -> o.removeListener(weakRefresh));
            watched.clear();
            if (item instanceof Profile p && !empty) {
                watched.addAll(List.of(p.nameProperty(), p.stateProperty(), p.unreadProperty(), p.skipVerificationProperty()));
                watched.forEach(o -> o.addListener(weakRefresh));
            }
            show();
        }

        private void show() {
            Object item = getItem();
            getStyleClass().removeAll("profile-cell", "folder-cell");
            if (isEmpty() || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                getStyleClass().removeAll("disconnected", "connecting", "connected", "reconnecting");
                return;
            }
            if (item instanceof Profile p) {
                getStyleClass().add("profile-cell");
                Fx.showOneOf(this, p.stateProperty().get());
                long unread = p.unreadProperty().get();
                String text = p.nameProperty().get();
                if (unread > 0) {
                    text += "  " + Messages.format("workspace.unread", unread);
                }
                boolean insecure = p.skipVerificationProperty().get();
                if (insecure) {
                    text += "  ⚠";
                }
                setText(text);
                if (insecure && insecureTip == null) {
                    insecureTip = new Tooltip(Messages.get("workspace.insecure"));
                }
                setTooltip(insecure ? insecureTip : null);
                setGraphic(dot);
            } else {
                getStyleClass().removeAll("disconnected", "connecting", "connected", "reconnecting");
                getStyleClass().add("folder-cell");
                setText(String.valueOf(item));
                setGraphic(null);
                setTooltip(null);
            }
        }
    }

    private Profile selected() {
        return workspace.selectedProperty().get();
    }

    @FXML
    private void onNew() {
        workspace.create();
    }

    @FXML
    private void onDuplicate() {
        if (selected() != null) {
            workspace.duplicate(selected());
        }
    }

    @FXML
    private void onDelete() {
        Profile p = selected();
        if (p == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, Messages.format("workspace.delete.confirm", p.nameProperty().get()),
                ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText(null);
        confirm.setTitle(Messages.get("workspace.delete"));
        confirm.initOwner(profileList.getScene().getWindow());
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> workspace.delete(p));
    }

    @FXML
    private void onMoveUp() {
        if (selected() != null) {
            workspace.move(selected(), -1);
        }
    }

    @FXML
    private void onMoveDown() {
        if (selected() != null) {
            workspace.move(selected(), 1);
        }
    }

    @FXML
    private void onNewFolder() {
        TextInputDialog ask = new TextInputDialog();
        ask.setHeaderText(null);
        ask.setTitle(Messages.get("workspace.newFolder"));
        ask.setContentText(Messages.get("workspace.folder"));
        ask.initOwner(profileList.getScene().getWindow());
        ask.showAndWait().ifPresent(name -> {
            workspace.addFolder(name);
            if (selected() != null) {
                workspace.moveToFolder(selected(), name);
            }
        });
    }

    @FXML
    private void onImport() {
        files.chooseImport(profileList.getScene().getWindow());
    }

    @FXML
    private void onExport() {
        files.chooseExport(profileList.getScene().getWindow());
    }
}
