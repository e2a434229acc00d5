export { readQdpx, type ReadQdpxOptions } from './read-project.js';
export { QdaIndex } from './project-index.js';
export { QdaCancelledError, type PacingOptions } from './pacing.js';
export type { ArchiveLimits } from './archive.js';
export { nativeInflateAvailable, type InflateEngine } from './inflate.js';
export type { QdaProject, QdaProblem, QdaSeverity, QdaConvention, QdaCode, QdaCase, QdaSource, QdaSelection, QdaVariable, QdaUser, QdaValue, QdaTextOrigin } from './model.js';
