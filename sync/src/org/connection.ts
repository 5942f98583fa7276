// Opens a jsforce connection to an org: from the sf CLI's stored auth (web or JWT login, by alias or
// username), or from an instance URL plus an access token taken from the environment (never argv).
import { Connection } from 'jsforce';
import type { SessionRefreshFunc } from 'jsforce/lib/session-refresh-delegate';
import type { Schema } from 'jsforce/lib/types';
import { defaultApiVersion } from './defaults';

export { defaultApiVersion };

/**
 * jsforce refreshes the session on every 401 with no limit, so an org that keeps rejecting the new
 * token loops forever. The guard fails the refresh after `maxConsecutive` refreshes with no
 * successful call in between.
 */
export class SessionRefreshGuard {
    private consecutive = 0;
    refreshes = 0;

    constructor(readonly maxConsecutive = 2) {}

    wrap(refresh: SessionRefreshFunc<Schema>): SessionRefreshFunc<Schema> {
        return (conn, callback) => {
            if (this.consecutive >= this.maxConsecutive) {
                callback(
                    new Error(
                        `the org rejected the session ${this.consecutive + 1} times in a row after refreshing it; ` +
                            'log in again (sf org login web / sf org login jwt) or check the integration user',
                    ),
                );
                return;
            }
            this.consecutive++;
            this.refreshes++;
            refresh(conn, callback);
        };
    }

    /** Called after every successful API response. */
    noteSuccess(): void {
        this.consecutive = 0;
    }
}

export interface OrgConnection {
    conn: Connection;
    guard: SessionRefreshGuard;
    /** For messages: the username or instance URL, never a token. */
    label: string;
}

/** A refresh with the connection's own refresh token (OAuth web-server or refresh-token flow). */
const refreshWithRefreshToken: SessionRefreshFunc<Schema> = (conn, callback) => {
    if (!conn.refreshToken) {
        callback(new Error('the session expired and there is no refresh token to renew it'));
        return;
    }
    conn.oauth2.refreshToken(conn.refreshToken).then(
        (response) => callback(undefined, response.access_token, response),
        (error: Error) => callback(error),
    );
};

export interface TokenConnectionOptions {
    instanceUrl: string;
    accessToken: string;
    /** With a refresh token and client id the connection renews an expired session (used by tests). */
    refreshToken?: string;
    clientId?: string;
    loginUrl?: string;
    version?: string;
    maxConsecutiveRefreshes?: number;
}

export function connectWithToken(options: TokenConnectionOptions): OrgConnection {
    let url: URL;
    try {
        url = new URL(options.instanceUrl);
    } catch {
        throw new Error(`--instance-url "${options.instanceUrl}" is not a URL: give the org's My Domain URL, e.g. https://acme.my.salesforce.com`);
    }
    if (url.protocol !== 'https:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
        throw new Error(`--instance-url must use https (got ${url.protocol}//${url.host})`);
    }
    const guard = new SessionRefreshGuard(options.maxConsecutiveRefreshes);
    const canRefresh = Boolean(options.refreshToken && options.clientId);
    const conn = new Connection({
        instanceUrl: url.origin,
        accessToken: options.accessToken,
        version: options.version ?? defaultApiVersion,
        ...(canRefresh
            ? {
                  refreshToken: options.refreshToken,
                  oauth2: { clientId: options.clientId, loginUrl: options.loginUrl ?? url.origin },
                  refreshFn: guard.wrap(refreshWithRefreshToken),
              }
            : {}),
    });
    return { conn, guard, label: url.origin };
}

/** The access token for --instance-url comes from SF_ACCESS_TOKEN only, so it never shows in ps or shell history. */
export function accessTokenFromEnvironment(env: NodeJS.ProcessEnv = process.env): string {
    const token = env.SF_ACCESS_TOKEN?.trim();
    if (!token) {
        throw new Error(
            '--instance-url needs an access token in the SF_ACCESS_TOKEN environment variable ' +
                '(tokens are never accepted on the command line); or use --target-org with an sf CLI login',
        );
    }
    return token;
}

/**
 * A connection from the sf CLI's stored auth: `sf org login web` (refresh token) or
 * `sf org login jwt` (JWT bearer: refreshes by signing a new assertion, fit for unattended runs).
 */
export async function connectToTargetOrg(aliasOrUsername: string, options: { version?: string; maxConsecutiveRefreshes?: number } = {}): Promise<OrgConnection> {
    // Loaded lazily: @salesforce/core is large and only this path needs it.
    const { AuthInfo, StateAggregator } = await import('@salesforce/core');
    let username = aliasOrUsername;
    let authInfo;
    try {
        const state = await StateAggregator.getInstance();
        username = state.aliases.resolveUsername(aliasOrUsername);
        authInfo = await AuthInfo.create({ username });
    } catch (error) {
        throw new Error(
            `no sf CLI login found for "${aliasOrUsername}": run \`sf org login web --alias ${aliasOrUsername}\` ` +
                `or \`sf org login jwt\` first (${(error as Error).message})`,
        );
    }
    const connectionOptions = authInfo.getConnectionOptions() as {
        accessToken?: string;
        instanceUrl?: string;
        refreshFn?: SessionRefreshFunc<Schema>;
    };
    const guard = new SessionRefreshGuard(options.maxConsecutiveRefreshes);
    const conn = new Connection({
        instanceUrl: connectionOptions.instanceUrl,
        accessToken: connectionOptions.accessToken,
        version: options.version ?? defaultApiVersion,
        ...(connectionOptions.refreshFn ? { refreshFn: guard.wrap(connectionOptions.refreshFn) } : {}),
    });
    return { conn, guard, label: username };
}
