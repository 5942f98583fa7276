// Defaults of the sync command's flags, in a module of their own so that `goal-coach --help` can
// print them without loading jsforce or zod.
export const defaultApiVersion = '62.0';

export const defaultStateDirectory = '.goal-coach';
