// The panel registry the build generates (preview/panels).
export interface PanelInfo {
    name: string;
    tag: string;
    masterLabel: string;
    targets: string[];
    objects: string[];
}
export const panels: Array<{ info: PanelInfo; load: () => Promise<{ default: unknown }> }>;
