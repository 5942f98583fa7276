import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import currentUserId from '@salesforce/user/Id';

interface GoalNode {
    Id: string;
    Name?: { value?: string | null };
    Status__c?: { value?: string | null };
}
interface GoalQueryResult {
    data?: { uiapi?: { query?: { Learning_Goal__c?: { edges?: Array<{ node?: GoalNode | null } | null> | null } | null } } };
    errors?: unknown[];
}

function sameUser(a: string | null | undefined, b: string): boolean {
    return Boolean(a) && a!.slice(0, 15) === b.slice(0, 15);
}

/**
 * One line on the deal panel when the deal's owner is working on a decision-process learning
 * goal (Accepted or In Progress), linking the goal: the deal is where the rep practises it.
 * Renders nothing when there is none or the goal can't be read.
 */
export default class DecisionProcessGoal extends NavigationMixin(LightningElement) {
    @api ownerId: string | null = null;

    goal: { id: string; name: string } | null = null;
    goalUrl = '';

    // Skill__c "Decision Process" (docs/data-model.md); Accepted and In Progress are the open goals.
    @wire(graphql, {
        query: gql`
            query decisionProcessGoal($ownerId: ID) {
                uiapi {
                    query {
                        Learning_Goal__c(
                            where: {
                                and: [
                                    { Goal_Plan__r: { Rep__c: { eq: $ownerId } } }
                                    { Skill__c: { eq: "Decision Process" } }
                                    { Status__c: { in: ["Accepted", "In Progress"] } }
                                ]
                            }
                            orderBy: { CreatedDate: { order: DESC } }
                            first: 1
                        ) {
                            edges {
                                node {
                                    Id
                                    Name { value }
                                    Status__c { value }
                                }
                            }
                        }
                    }
                }
            }
        `,
        variables: '$goalVariables',
        operationName: 'decisionProcessGoal',
    })
    wiredGoal(result: GoalQueryResult): void {
        const node = result.data?.uiapi?.query?.Learning_Goal__c?.edges?.[0]?.node;
        this.goal = node ? { id: node.Id, name: node.Name?.value ?? 'Decision-process goal' } : null;
        this.goalUrl = '';
        if (this.goal) {
            const generateUrl = (this as unknown as Record<symbol, (reference: PageReference) => Promise<string>>)[NavigationMixin.GenerateUrl];
            generateUrl.call(this, this.goalPage).then((url) => {
                this.goalUrl = url;
            });
        }
    }

    get goalVariables() {
        return this.ownerId ? { ownerId: this.ownerId } : undefined;
    }

    private get goalPage(): PageReference {
        return { type: 'standard__recordPage', attributes: { recordId: this.goal?.id, objectApiName: 'Learning_Goal__c', actionName: 'view' } };
    }

    get lead(): string {
        const who = sameUser(this.ownerId, currentUserId) ? 'You are' : "This deal's owner is";
        // The trailing space separates the text from the link (the template drops whitespace-only text).
        return `${who} working on the decision-process goal `;
    }

    handleOpen(event: Event): void {
        event.preventDefault();
        const navigate = (this as unknown as Record<symbol, (reference: PageReference) => void>)[NavigationMixin.Navigate];
        navigate.call(this, this.goalPage);
    }
}
