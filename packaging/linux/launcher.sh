#!/bin/sh
# MQTT Desk ${version}: starts the Java runtime of this folder with the application.
# packaging/Packager.java puts this script in place of jpackage's Linux launcher, which asks rpm and then
# dpkg which package it belongs to, twice, before Java starts: 150 ms on a small system, more the more
# packages are installed. This one starts Java at once; same class path, main class and options.
app=$(dirname "$(dirname "$(readlink -f "$0")")")
exec "$app/lib/runtime/bin/java" -Djpackage.app-version=${version} ${java-options} -cp "$app/lib/app/mqtt-desk.jar" ${main-class} "$@"
