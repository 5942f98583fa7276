// A browser test builds pages, waits for renders and takes screenshots: minutes, not seconds.
jest.setTimeout(120_000);
