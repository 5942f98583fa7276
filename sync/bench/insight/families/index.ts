// The generator families of the insight bench: tuned-on first, then the held-out ones.
import type { Family } from '../family';
import { accountManagement } from './accountManagement';
import { channel } from './channel';
import { enterprise } from './enterprise';
import { fieldSales } from './fieldSales';
import { insideSales } from './insideSales';
import { sampleVariants } from './sampleVariants';
import { sampleFamily } from './tuning';

export const families: readonly Family[] = [sampleFamily, insideSales, enterprise, channel, fieldSales, sampleVariants, accountManagement];
