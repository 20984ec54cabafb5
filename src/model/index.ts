// The project's vocabulary: labels, enums and the extraction contract. Imports nothing from src/.
export * from './contract.js';
export * from './enums.js';
export * from './labels.js';
