// The state the preview page exposes for tests (see preview/modules/preview/org).
declare global {
    interface Window {
        goalCoachPreview?: {
            currentUserId: string;
            requests: number;
            requestsByKind: Record<string, number>;
            inFlight: number;
            lastResponseAt: number;
            renderedAt: number;
        };
    }
}
export {};
