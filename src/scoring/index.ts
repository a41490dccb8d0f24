/** The scoring engine's public surface (pure: usable from the CLI, the task pane and consolidation). */
export * from './types';
export * from './decimal';
