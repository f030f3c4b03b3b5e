/** The version of this package (a test keeps it equal to package.json's). Receipts carry it. */
export const SDK_VERSION = '0.1.0';
