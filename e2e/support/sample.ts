// Picks records of the preview's in-memory org for a test, by what the test needs, so the tests
// follow the sample data instead of hard-coding ids.
import type { OrgRecord } from '../../preview/server/org';
import type { PreviewServer } from '../../preview/server/http';

export function planOf(server: PreviewServer, repId: string): OrgRecord | undefined {
    return server.sample().org.all('Goal_Plan__c').find((plan) => plan.Rep__c === repId);
}

export function childrenOfPlan(server: PreviewServer, apiName: string, planId: string): OrgRecord[] {
    return server.sample().org.all(apiName).filter((record) => record.Goal_Plan__c === planId);
}

/** The sample reps first (the heavy load-test rep last), filtered by a condition on their plan. */
export function pickRep(server: PreviewServer, accepts: (plan: OrgRecord) => boolean): { id: string; name: string; plan: OrgRecord } {
    const sample = server.sample();
    const reps = [...sample.reps].sort((a, b) => Number(a.id === sample.heavyRepId) - Number(b.id === sample.heavyRepId));
    for (const rep of reps) {
        const plan = planOf(server, rep.id);
        if (plan && accepts(plan)) return { id: rep.id, name: rep.name, plan };
    }
    throw new Error('No rep in the sample org fits this test: check the seed in preview/server/sampleOrg.ts');
}
