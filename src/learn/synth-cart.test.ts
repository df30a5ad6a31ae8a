import { synthesizerContract } from './synthesizer.contract.js';

synthesizerContract('cart');
