// Filled in by the sta part of issue 17.
export {};
