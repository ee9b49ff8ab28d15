// The reader's behaviours (reader.js) in chromium.
import { readerSuite } from './reader.js';

readerSuite('chromium');
