// Filled in by the mqtt part of issue 17.
export {};
