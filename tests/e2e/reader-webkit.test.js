// The reader's behaviours (reader.js) in webkit.
import { readerSuite } from './reader.js';

readerSuite('webkit');
