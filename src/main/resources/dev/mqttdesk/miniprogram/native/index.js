// Written by MQTT Desk @@APP_VERSION@@ for @@URL@@ (mqtt-desk miniprogram).
//
// MQTT.js @@MQTTJS_VERSION@@ (utils/mqtt.min.js): the version the known-good WeChat pages use.
// MQTT.js 4.2.x fails inside WeChat with "net.createConnection is not a function" (MQTT.js issues
// #1163 and #1202); 5.x needs polyfills (abortcontroller-polyfill, a navigator polyfill) and
// timerVariant: 'native'. MQTT Desk runs this very page against real brokers with 4.1.0 in its tests.
//
// The pitfalls of the demo page, handled:
// - WeChat wants wxs:// (wx:// for a local ws:// test) for MQTT.js to use wx.connectSocket.
// - No port in the URL when the broker is on 443 (some Android devices fail otherwise).
// - A fresh client id on every connect: two pages with one id throw each other off the broker.
// - reconnectPeriod 1000 ms and connectTimeout 30 s.
// - The WebSocket path (/mqtt) given explicitly: brokers answer on one path only.
// - The server domain must be in the mini-program's "socket legal domains" (wss, TLS 1.2+).
const mqtt = require('../../utils/mqtt.min.js')

Page({
  data: {
    scheme: @@SCHEME@@,
    host: @@HOST@@,
    port: @@PORT@@,
    path: @@PATH@@,
    clientId: '',
    topic: @@TOPIC@@,
    msg: 'Hello from a WeChat mini-program',
    receivedMsg: '',
    connectBtnText: '连接'
  },

  client: null,

  mqttOptions: {
@@AUTH_OPTIONS@@    reconnectPeriod: 1000,
    connectTimeout: 30 * 1000,
    clean: true
  },

  onUnload() {
    this.disconnect()
  },

  // The address MQTT.js is given: no port when it is the scheme's own (443 for wxs, 80 for wx).
  brokerUrl() {
    const { scheme, host, port, path } = this.data
    const defaultPort = scheme === 'wxs' ? 443 : 80
    const portPart = Number(port) === defaultPort ? '' : ':' + port
    return scheme + '://' + host + portPart + path
  },

  connect() {
    if (this.client) {
      wx.showToast({ title: '已连接', icon: 'none' })
      return
    }
    const clientId = 'mqttdesk_' + Date.now().toString(16) + Math.random().toString(16).slice(2, 8)
    this.setData({ connectBtnText: '连接中...', clientId })
    try {
      const client = mqtt.connect(this.brokerUrl(), Object.assign({}, this.mqttOptions, { clientId }))
      this.client = client
      client.on('connect', () => {
        this.setData({ connectBtnText: '连接成功' })
        wx.showToast({ title: '连接成功' })
      })
      client.on('message', (topic, payload) => {
        const text = payload.toString()
        const line = topic + ': ' + text
        this.setData({ receivedMsg: this.data.receivedMsg ? this.data.receivedMsg + '\n' + line : line })
      })
      client.on('reconnect', () => {
        this.setData({ connectBtnText: '连接中...' })
      })
      client.on('offline', () => {
        this.setData({ connectBtnText: '连接' })
      })
      client.on('error', (error) => {
        this.setData({ connectBtnText: '连接' })
        console.log('MQTT error', error)
      })
    } catch (error) {
      this.client = null
      this.setData({ connectBtnText: '连接' })
      wx.showToast({ title: '连接失败', icon: 'error' })
      console.log('mqtt.connect error', error)
    }
  },

  subscribe() {
    if (!this.connected()) return
    this.client.subscribe(this.data.topic, { qos: 0 }, (error) => {
      wx.showToast(error ? { title: '订阅失败', icon: 'error' } : { title: '订阅成功' })
    })
  },

  publish() {
    if (!this.connected()) return
    this.client.publish(this.data.topic, this.data.msg, { qos: 0 }, (error) => {
      wx.showToast(error ? { title: '发布失败', icon: 'error' } : { title: '发布成功' })
    })
  },

  unsubscribe() {
    if (!this.connected()) return
    this.client.unsubscribe(this.data.topic, (error) => {
      wx.showToast(error ? { title: '取消订阅失败', icon: 'error' } : { title: '取消订阅成功' })
    })
  },

  disconnect() {
    if (!this.client) return
    this.client.end()
    this.client = null
    this.setData({ connectBtnText: '连接' })
    wx.showToast({ title: '已断开连接' })
  },

  connected() {
    if (this.client && this.client.connected) return true
    wx.showToast({ title: '请先点击连接', icon: 'none' })
    return false
  },

  setHost(e) { this.setData({ host: e.detail.value }) },
  setPort(e) { this.setData({ port: e.detail.value }) },
  setPath(e) { this.setData({ path: e.detail.value }) },
  setTopic(e) { this.setData({ topic: e.detail.value }) },
  setMsg(e) { this.setData({ msg: e.detail.value }) }
})
