// What a generated native page needs of WeChat, on top of real sockets, to run it outside WeChat:
// wx.connectSocket and its SocketTask (on a real WebSocket, the `ws` package), wx.showToast, App(),
// Page() with setData, getApp(). The page and the MQTT.js it requires run in a context of their own
// that has only these and what a mini-program's JavaScript has (no window, no process, no Buffer, no
// Node require), so MQTT.js picks its WeChat transport (wxs:// / wx://) as it does inside WeChat.
//
//   NODE_PATH=<folder with ws> node wechat.js PROJECT_DIR [--ca CA.pem]
//
// A native project (pages/index/index.js calling Page()) runs as WeChat runs it. A uni-app page
// (pages/index/index.vue) runs as uni-app's WeChat build runs it, reduced to what the page uses: the
// <script> after uni-app's conditional compilation for MP-WEIXIN, data() and methods on one instance,
// each assignment to a data field handed to setData, uni.* being wx.*.
//
// Commands on stdin, one JSON object a line:
//   {"call": "connect"}                        calls a method of the page, as a tap does
//   {"input": "setTopic", "value": "a/b"}      calls a bindinput handler with {detail: {value}}
//   {"set": "topic", "value": "a/b"}           sets a data field, as a uni-app v-model does
//   {"unload": true}                           runs onUnload and ends
// What happens is printed on stdout, one JSON object a line, with "event" saying what:
//   page, setData, toast, connectSocket, socketOpen, socketSend, socketMessage, socketClose,
//   socketError, called, log, error.
'use strict'

const fs = require('fs')
const path = require('path')
const vm = require('vm')
const readline = require('readline')
const WebSocket = require('ws')

const args = process.argv.slice(2)
const projectDir = path.resolve(args[0] || '.')
const caIndex = args.indexOf('--ca')
const ca = caIndex >= 0 ? fs.readFileSync(args[caIndex + 1]) : undefined

function emit (event, fields) {
  process.stdout.write(JSON.stringify(Object.assign({ event }, fields)) + '\n')
}

const context = vm.createContext({
  console: {
    log: (...a) => emit('log', { text: a.map(String).join(' ') }),
    info: (...a) => emit('log', { text: a.map(String).join(' ') }),
    warn: (...a) => emit('log', { text: a.map(String).join(' ') }),
    error: (...a) => emit('log', { text: a.map(String).join(' ') }),
    debug: () => {}
  },
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval
})
// Binary frames reach the page as ArrayBuffers of its own context, as WeChat hands them over.
const PageArrayBuffer = vm.runInContext('ArrayBuffer', context)
const PageUint8Array = vm.runInContext('Uint8Array', context)

// ------------------------------------------------------------------ wx
const MAX_SOCKETS = 5 // WeChat allows at most 5 WebSockets open at once per mini-program
let openSockets = 0

function connectSocket (options) {
  const url = options.url
  emit('connectSocket', { url, protocols: options.protocols || [] })
  const handlers = { open: [], message: [], close: [], error: [] }
  const fire = (kind, res) => handlers[kind].forEach((h) => h(res))
  let ws = null
  const task = {
    onOpen: (cb) => handlers.open.push(cb),
    onMessage: (cb) => handlers.message.push(cb),
    onClose: (cb) => handlers.close.push(cb),
    onError: (cb) => handlers.error.push(cb),
    send (o) {
      if (!ws || ws.readyState !== WebSocket.OPEN) {
        const res = { errMsg: 'sendSocketMessage:fail WebSocket is not connected' }
        if (o.fail) o.fail(res)
        if (o.complete) o.complete(res)
        return
      }
      const data = typeof o.data === 'string' ? o.data : Buffer.from(new Uint8Array(o.data))
      emit('socketSend', { bytes: data.length })
      ws.send(data, (err) => {
        const res = { errMsg: err ? 'sendSocketMessage:fail ' + err.message : 'sendSocketMessage:ok' }
        if (err && o.fail) o.fail(res)
        if (!err && o.success) o.success(res)
        if (o.complete) o.complete(res)
      })
    },
    close (o) {
      o = o || {}
      const wasOpen = ws && (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING)
      if (wasOpen) ws.close(o.code || 1000, o.reason)
      const res = { errMsg: wasOpen ? 'closeSocket:ok' : 'closeSocket:fail WebSocket is not connected' }
      setTimeout(() => {
        if (wasOpen && o.success) o.success(res)
        if (!wasOpen && o.fail) o.fail(res)
        if (o.complete) o.complete(res)
      }, 0)
    }
  }
  const refuse = (errMsg) => setTimeout(() => {
    emit('socketError', { url, errMsg })
    if (options.fail) options.fail({ errMsg })
    fire('error', { errMsg })
  }, 0)
  if (!/^wss?:\/\//.test(url)) {
    refuse('connectSocket:fail invalid url "' + url + '"') // WeChat takes ws:// and wss:// only
    return task
  }
  if (openSockets >= MAX_SOCKETS) {
    refuse('connectSocket:fail exceed max task count')
    return task
  }
  openSockets++
  ws = new WebSocket(url, options.protocols || [], { ca })
  ws.on('open', () => {
    emit('socketOpen', { url, protocol: ws.protocol })
    if (options.success) options.success({ errMsg: 'connectSocket:ok' })
    fire('open', { header: {} })
  })
  ws.on('message', (data, isBinary) => {
    let payload
    if (isBinary) {
      const buf = Buffer.isBuffer(data) ? data : Buffer.concat(data)
      payload = new PageArrayBuffer(buf.length)
      new PageUint8Array(payload).set(buf)
    } else {
      payload = data.toString('utf8')
    }
    emit('socketMessage', { bytes: isBinary ? payload.byteLength : payload.length })
    fire('message', { data: payload })
  })
  ws.on('close', (code, reason) => {
    openSockets--
    emit('socketClose', { url, code })
    fire('close', { code, reason: reason.toString() })
  })
  ws.on('error', (err) => {
    emit('socketError', { url, errMsg: err.message })
    fire('error', { errMsg: err.message })
  })
  return task
}

const wx = {
  connectSocket,
  showToast (o) {
    emit('toast', { title: o.title, icon: o.icon || 'success' })
    if (o.success) setTimeout(() => o.success({ errMsg: 'showToast:ok' }), 0)
  },
  showModal (o) {
    emit('modal', { title: o.title || '', content: o.content || '' })
    if (o.success) setTimeout(() => o.success({ confirm: true, cancel: false }), 0)
  },
  getSystemInfoSync: () => ({ platform: 'devtools', SDKVersion: '3.3.4' })
}

// ------------------------------------------------------------------ App, Page, getApp, require
let appInstance = {}
let pageOptions = null

function App (options) {
  appInstance = Object.assign({}, options)
}

function Page (options) {
  if (pageOptions) throw new Error('Page() called twice')
  pageOptions = options
}

context.wx = wx
context.uni = wx
context.App = App
context.Page = Page
context.getApp = () => appInstance

const modules = new Map()

function requireFrom (fromFile) {
  return function require (request) {
    if (!request.startsWith('.') && !request.startsWith('/')) {
      throw new Error('module "' + request + '" is not defined') // as in WeChat without "build npm"
    }
    let file = path.resolve(path.dirname(fromFile), request)
    if (!file.endsWith('.js')) file += '.js'
    if (!file.startsWith(projectDir + path.sep)) throw new Error('module "' + request + '" is outside the project')
    return load(file)
  }
}

function load (file) {
  if (modules.has(file)) return modules.get(file).exports
  const module = { exports: {} }
  modules.set(file, module)
  const source = fs.readFileSync(file, 'utf8')
  const wrapper = vm.runInContext('(function (require, module, exports) {' + source + '\n})', context, { filename: file })
  wrapper.call(module.exports, requireFrom(file), module, module.exports)
  return module.exports
}

// A page instance as WeChat makes one: the options' fields copied, data deep-copied, setData merging.
function makePage (options) {
  const page = {}
  for (const [key, value] of Object.entries(options)) {
    if (key === 'data') continue
    page[key] = typeof value === 'function' ? value : JSON.parse(JSON.stringify(value === undefined ? null : value))
  }
  page.data = JSON.parse(JSON.stringify(options.data || {}))
  page.route = 'pages/index/index'
  page.setData = function (changes, callback) {
    for (const [key, value] of Object.entries(changes)) {
      page.data[key] = value
    }
    emit('setData', { data: changes })
    if (callback) setTimeout(callback, 0)
  }
  return page
}

process.on('uncaughtException', (err) => emit('error', { message: String(err && err.stack || err) }))
process.on('unhandledRejection', (err) => emit('error', { message: String(err && err.stack || err) }))

// uni-app's conditional compilation (// #ifdef X ... // #endif, // #ifndef X ...) for the WeChat build.
const PLATFORMS = new Set(['MP-WEIXIN', 'MP', 'VUE2'])
function conditional (source) {
  const out = []
  const keep = []
  for (const line of source.split('\n')) {
    const m = line.match(/^\s*\/\/\s*#(ifdef|ifndef|endif)\s*(.*)$/)
    if (m) {
      if (m[1] === 'endif') keep.pop()
      else {
        const any = m[2].split('||').some((p) => PLATFORMS.has(p.trim()))
        keep.push(m[1] === 'ifdef' ? any : !any)
      }
      continue
    }
    if (keep.every(Boolean)) out.push(line)
  }
  return out.join('\n')
}

// A uni-app page's <script> as a module: its import of MQTT.js a require from the project root ('@').
function vuePageOptions (file) {
  const sfc = fs.readFileSync(file, 'utf8')
  const script = sfc.match(/<script>([\s\S]*?)<\/script>/)
  if (!script) throw new Error(file + ' has no <script>')
  const code = conditional(script[1])
    .replace(/^import\s+(\w+)\s+from\s+'@\/([^']+)'/m, "const $1 = require('./$2')")
    .replace(/^export default\s+/m, 'module.exports = ')
  const shim = path.join(projectDir, '__index.vue.js')
  modules.set(shim, { exports: {} })
  const module = modules.get(shim)
  const wrapper = vm.runInContext('(function (require, module, exports) {' + code + '\n})', context, { filename: file })
  wrapper.call(module.exports, requireFrom(shim), module, module.exports)
  return module.exports
}

// The component's instance: methods bound to it, every data field set through it reaching setData.
function makeVuePage (component) {
  const data = component.data()
  const methods = component.methods || {}
  const target = {}
  const page = new Proxy(target, {
    get: (t, key) => (key in methods ? methods[key].bind(page) : key === 'data' ? data : key in data ? data[key] : t[key]),
    set: (t, key, value) => {
      if (key in data) {
        data[key] = value
        emit('setData', { data: { [key]: value } })
      } else t[key] = value
      return true
    }
  })
  for (const hook of ['onLoad', 'onShow', 'onUnload']) if (component[hook]) target[hook] = component[hook].bind(page)
  return { page, methods: Object.keys(methods) }
}

const vueFile = path.join(projectDir, 'pages/index/index.vue')
let page
let methodNames
if (fs.existsSync(vueFile)) {
  const made = makeVuePage(vuePageOptions(vueFile))
  page = made.page
  methodNames = made.methods
} else {
  const appJs = path.join(projectDir, 'app.js')
  if (fs.existsSync(appJs)) load(appJs)
  load(path.join(projectDir, 'pages/index/index.js'))
  if (!pageOptions) {
    emit('error', { message: 'pages/index/index.js did not call Page()' })
    process.exit(1)
  }
  page = makePage(pageOptions)
  methodNames = Object.keys(pageOptions).filter((k) => typeof pageOptions[k] === 'function')
}
if (page.onLoad) page.onLoad({})
if (page.onShow) page.onShow()
emit('page', { data: page.data, methods: methodNames })

const commands = readline.createInterface({ input: process.stdin })
commands.on('line', (line) => {
  if (!line.trim()) return
  let command
  try {
    command = JSON.parse(line)
    if (command.call) {
      page[command.call]()
      emit('called', { method: command.call })
    } else if (command.input) {
      page[command.input]({ detail: { value: command.value } })
      emit('called', { method: command.input })
    } else if (command.set) {
      page[command.set] = command.value
      emit('called', { method: 'set ' + command.set })
    } else if (command.unload) {
      if (page.onUnload) page.onUnload()
      emit('called', { method: 'onUnload' })
      setTimeout(() => process.exit(0), 200)
    }
  } catch (err) {
    emit('error', { message: String(err && err.stack || err), command: line })
  }
})
commands.on('close', () => setTimeout(() => process.exit(0), 200))
