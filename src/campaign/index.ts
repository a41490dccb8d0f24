/** The assessment campaign (đợt đánh giá), pure: stages, the register, trust rules, ranking. */
export * from './stages';
export * from './register';
export * from './auth';
export * from './state';
export * from './receive';
export * from './issue';
export * from './ranking';
export * from './status';
export * from './problem-keys';
