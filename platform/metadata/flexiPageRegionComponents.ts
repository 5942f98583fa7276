import type { Citation } from '../citation';

/**
 * Components in one region of a Lightning page (FlexiPage).
 *
 * Metadata API Developer Guide, FlexiPage: "A Lightning page region can contain up to 25 components."
 * (API 41.0 wording); the guide from API 50.0 on raises it to 100 ("Lightning ページの領域には、最大 100
 * 個のコンポーネントを配置できます。" in the stored Japanese page, "A Lightning page region can contain up to
 * 100 components."). The current, larger limit is the one a deploy applies.
 */
export const flexiPageRegionComponents: { readonly max: number; readonly citation: Citation } = {
    max: 100,
    citation: {
        page: 'Metadata API Developer Guide, FlexiPage',
        url: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_flexipage.htm',
        quote: 'A Lightning page region can contain up to 100 components.',
    },
};
