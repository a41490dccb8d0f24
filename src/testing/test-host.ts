/** placeholder until the fake lands */
export {};
