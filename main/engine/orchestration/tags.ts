// Moved to common/record-rules/ so the renderer's admin screens can preview subjects and tags
// (REC-7, REC-8, REC-9) with the very code the engine uses. This re-export keeps old imports working.
export * from '../../../common/record-rules/tags.js';
