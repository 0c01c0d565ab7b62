// Written by MQTT Desk: the mini-program's entry; the page is pages/index.
App({})
