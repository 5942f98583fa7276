// Lightning platform modules typed by @salesforce/lightning-types.
import '@salesforce/lightning-types';
