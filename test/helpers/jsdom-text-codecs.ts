/**
 * jsdom (jest's browser environment) lacks TextDecoder and TextEncoder, which every browser the
 * pane runs in has and the xlsx reader uses at load time. Import this first in a jsdom test file.
 */
import { TextDecoder, TextEncoder } from 'util';

Object.assign(globalThis, { TextDecoder, TextEncoder });
