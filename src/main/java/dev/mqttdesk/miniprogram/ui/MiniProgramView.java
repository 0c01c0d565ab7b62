package dev.mqttdesk.miniprogram.ui;

import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.miniprogram.Flavor;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.util.Map;

/** Thin controller of the "Mini-program code…" pane: binds the fields to the model, copies, chooses the folder. */
public final class MiniProgramView {

    @FXML private TextField miniProgramUrlField;
    @FXML private TextField miniProgramTopicField;
    @FXML private RadioButton miniProgramNativeRadio;
    @FXML private RadioButton miniProgramUniappRadio;
    @FXML private Label miniProgramError;
    @FXML private Label miniProgramFileName;
    @FXML private TextArea miniProgramPreview;
    @FXML private Label miniProgramLibraryNote;
    @FXML private Button miniProgramCopyButton;
    @FXML private Button miniProgramSaveButton;
    @FXML private Label miniProgramStatus;

    private MiniProgramViewModel model;

    void attach(MiniProgramViewModel m) {
        this.model = m;
        miniProgramUrlField.textProperty().bindBidirectional(m.urlProperty());
        miniProgramTopicField.textProperty().bindBidirectional(m.topicProperty());
        ToggleGroup flavours = new ToggleGroup();
        Map<Flavor, RadioButton> radios = Map.of(Flavor.NATIVE, miniProgramNativeRadio, Flavor.UNIAPP, miniProgramUniappRadio);
        radios.forEach((flavor, radio) -> {
            radio.setToggleGroup(flavours);
            radio.setSelected(m.flavorProperty().get() == flavor);
            radio.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    m.flavorProperty().set(flavor);
                }
            });
        });
        miniProgramPreview.textProperty().bind(m.previewProperty());
        miniProgramFileName.textProperty().bind(m.previewNameProperty());
        miniProgramError.textProperty().bind(m.errorProperty());
        miniProgramError.visibleProperty().bind(m.errorProperty().isNotEmpty());
        miniProgramError.managedProperty().bind(miniProgramError.visibleProperty());
        miniProgramStatus.textProperty().bind(m.statusProperty());
        miniProgramLibraryNote.setText(m.libraryNote());
        miniProgramCopyButton.disableProperty().bind(m.readyProperty().not());
        miniProgramSaveButton.disableProperty().bind(m.readyProperty().not());
    }

    @FXML
    private void onCopy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.previewProperty().get());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        model.copied();
    }

    @FXML
    private void onSave() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.get("miniprogram.dialog.chooseFolder"));
        File dir = chooser.showDialog(miniProgramSaveButton.getScene().getWindow());
        if (dir != null) {
            model.save(dir.toPath());
        }
    }
}
