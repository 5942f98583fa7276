// The preview page itself: every panel of force-app is listed and mounts with sample data.
import { type PreviewSession, openPanel, openPreview } from './support/preview';

let preview: PreviewSession;

beforeAll(async () => {
    preview = await openPreview();
});

afterAll(async () => {
    await preview?.close();
});

test('lists every exposed panel and mounts the first one as on a record page', async () => {
    const { page, server } = preview;
    await openPanel(page, server, {});
    const panelNames = await page.locator('#panel-select option').allTextContents();
    expect(panelNames).toEqual(expect.arrayContaining(['Goal Plan', 'Coaching Sessions', 'Sales Milestones']));
    await expect(page.locator('#panel-host').getAttribute('data-state')).resolves.toBe('mounted');
    expect(preview.pageErrors).toEqual([]);
});
