import { synthesizerContract } from './synthesizer.contract.js';

// One latent dimension per category column carries only part of a category-to-category dependence.
synthesizerContract('gaussian-copula', {}, 90);
