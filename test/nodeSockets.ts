/**
 * The room tests' clients talk through the `ws` package on every Node version, as they do on Node 20: from Node 22
 * on, the room library's client would pick Node's own WebSocket instead, which has no socket underneath to pause
 * (the slow-reader test pauses it) and differs in what it reports. Browsers keep their own WebSocket.
 */
Reflect.deleteProperty(globalThis, 'WebSocket');
