// Pure record-rule helpers shared by the orchestration engine and the renderer's admin screens
// (REC-7 subject, REC-8/REC-9 tags). No I/O, no Node built-ins, no zod at run time.
export * from './session-labels.js';
export * from './subject-template.js';
export * from './tags.js';
