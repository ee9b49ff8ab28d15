// The reader's behaviours (reader.js) in firefox.
import { readerSuite } from './reader.js';

readerSuite('firefox');
