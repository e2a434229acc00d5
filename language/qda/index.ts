export { readQdpx, type ReadQdpxOptions } from './read-project.js';
export { QdaIndex } from './project-index.js';
export { QdaCancelledError, type PacingOptions } from './pacing.js';
export type { ArchiveLimits } from './archive.js';
export { inflateEngines, type InflateEngine } from './inflate.js';
export { wholeText } from './text.js';
export type { QdaProject, QdaProblem, QdaSeverity, QdaConvention, QdaCode, QdaCase, QdaSource, QdaSelection, QdaVariable, QdaUser, QdaValue, QdaTextOrigin } from './model.js';
