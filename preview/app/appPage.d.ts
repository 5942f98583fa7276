// The Coaching app page's layout the build generates from its FlexiPage (preview/appPage).
export interface AppPageRegion {
    name: string;
    components: Array<{ name: string; properties: Record<string, string> }>;
}
export const coachingPage: { label: string; regions: AppPageRegion[] } | null;
