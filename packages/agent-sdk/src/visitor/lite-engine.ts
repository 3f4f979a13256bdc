// The visitor engine and the lite socket as one module, so that visitor-lite's browser bundles
// fetch them as one chunk: the engine never runs without its socket.
export { createVisitorEngine } from './visitor-engine.js';
export { liteConnector } from '../core/lite-socket/index.js';
