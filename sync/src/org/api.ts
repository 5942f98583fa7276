// Every call the sync service makes to an org goes through OrgApi: jsforce's HttpApi (so that
// session refresh still applies) with our own retry and backoff, response headers (Sforce-Locator,
// Sforce-Limit-Info), a call count, and a clean stop when the org's API allowance runs out.
import type { Connection } from 'jsforce';
import { HttpApi } from 'jsforce/lib/http-api';
import type { SessionRefreshGuard } from './connection';
import { BufferedTransport } from './transport';

/** The org refused a call because the daily API allowance is used up (or nearly so): stop, pick up next run. */
export class OrgLimitError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'OrgLimitError';
    }
}

/** A call failed for a reason retrying cannot fix; the message says what the org answered. */
export class OrgApiError extends Error {
    constructor(
        message: string,
        readonly errorCode: string,
        readonly status: number | undefined,
    ) {
        super(message);
        this.name = 'OrgApiError';
    }
}

export interface RetryPolicy {
    /** Attempts per call, the first included. */
    attempts: number;
    baseDelayMs: number;
    maxDelayMs: number;
}

export interface OrgApiOptions {
    guard?: SessionRefreshGuard;
    retry?: Partial<RetryPolicy>;
    /** Stop before the org's daily API usage passes this share of its allowance (Sforce-Limit-Info). */
    maxApiUsageShare?: number;
    /** Warnings (retries, limits); never receives tokens. */
    warn?: (message: string) => void;
    sleep?: (ms: number) => Promise<void>;
}

export interface ApiRequest {
    method: 'GET' | 'POST' | 'PATCH';
    /** `/services/...` (from the instance root) or `/query...` (from the versioned data root). */
    path: string;
    body?: unknown;
    /** `text` returns the body as a string (Bulk API 2.0 CSV results). */
    responseType?: 'json' | 'text';
}

export interface ApiResponse<T> {
    body: T;
    status: number;
    headers: Record<string, string>;
}

interface JsforceError extends Error {
    errorCode?: string;
    data?: unknown;
}

export class OrgApi {
    calls = 0;
    retries = 0;
    apiUsage: { used: number; limit: number } | undefined;
    readonly retryPolicy: RetryPolicy;
    private readonly sleep: (ms: number) => Promise<void>;
    private readonly transport = new BufferedTransport();

    constructor(
        readonly conn: Connection,
        private readonly options: OrgApiOptions = {},
    ) {
        this.retryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 15000, ...options.retry };
        this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    }

    get version(): string {
        return this.conn.version;
    }

    dataPath(path: string): string {
        return `/services/data/v${this.conn.version}${path}`;
    }

    private url(path: string): string {
        if (/^https?:\/\//.test(path)) return path;
        const absolute = path.startsWith('/services/') ? path : this.dataPath(path);
        return this.conn.instanceUrl.replace(/\/$/, '') + absolute;
    }

    private checkUsage(): void {
        const share = this.options.maxApiUsageShare ?? 0.98;
        if (this.apiUsage && this.apiUsage.limit > 0 && this.apiUsage.used >= this.apiUsage.limit * share) {
            throw new OrgLimitError(
                `the org has used ${this.apiUsage.used} of its ${this.apiUsage.limit} daily API requests; ` +
                    'stopping before the allowance runs out — the next run picks up from here',
            );
        }
    }

    /** One call, retried on 5xx, 429 and broken connections with exponential backoff. */
    async request<T>(request: ApiRequest): Promise<ApiResponse<T>> {
        const { attempts, baseDelayMs, maxDelayMs } = this.retryPolicy;
        for (let attempt = 1; ; attempt++) {
            this.checkUsage();
            let status: number | undefined;
            let headers: Record<string, string> = {};
            const http = new HttpApi(this.conn, {
                transport: this.transport,
                ...(request.responseType === 'text' ? { responseType: 'text/plain' } : {}),
            });
            http.on('response', (response: { statusCode: number; headers: Record<string, string> }) => {
                status = response.statusCode;
                headers = response.headers ?? {};
                const usage = /api-usage=(\d+)\/(\d+)/.exec(headers['sforce-limit-info'] ?? '');
                if (usage) this.apiUsage = { used: Number(usage[1]), limit: Number(usage[2]) };
            });
            this.calls++;
            try {
                const body = (await http.request({
                    method: request.method,
                    url: this.url(request.path),
                    headers: request.body === undefined ? {} : { 'content-type': 'application/json' },
                    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
                })) as T;
                this.options.guard?.noteSuccess();
                return { body, status: status ?? 200, headers };
            } catch (caught) {
                const error = caught as JsforceError;
                const errorCode = error.errorCode ?? '';
                if (errorCode === 'REQUEST_LIMIT_EXCEEDED') {
                    throw new OrgLimitError(`the org refused the call: ${error.message} (REQUEST_LIMIT_EXCEEDED) — the next run picks up from here`);
                }
                if (/^Unable to refresh session/.test(error.message)) {
                    throw new OrgApiError(error.message.replace(/^Unable to refresh session due to: /, 'session expired and could not be renewed: '), 'INVALID_SESSION_ID', 401);
                }
                // No status: the connection broke before a whole response arrived.
                const transient = status === undefined || status >= 500 || status === 429;
                const what = status === undefined ? `connection error (${describeNetworkError(error)})` : `HTTP ${status} ${errorCode}`.trim();
                if (!transient || attempt >= attempts) {
                    const hint =
                        status === 401
                            ? ' — the session is not valid: log in again (sf org login web / jwt), or put a fresh access token in SF_ACCESS_TOKEN'
                            : status === 403
                              ? ' — the integration user lacks a permission: check the Goal_Coach_Integration permission set'
                              : '';
                    throw new OrgApiError(
                        `${request.method} ${pathForMessages(request.path)} failed: ${what}: ${firstLine(error.message)}` +
                            (transient ? ` (after ${attempt} attempts)` : '') +
                            hint,
                        errorCode || (status === undefined ? 'CONNECTION_ERROR' : `HTTP_${status}`),
                        status,
                    );
                }
                this.retries++;
                const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
                this.options.warn?.(`${request.method} ${pathForMessages(request.path)}: ${what}; retrying in ${delay} ms (attempt ${attempt + 1} of ${attempts})`);
                await this.sleep(delay);
            }
        }
    }

    async get<T>(path: string): Promise<T> {
        return (await this.request<T>({ method: 'GET', path })).body;
    }
}

function describeNetworkError(error: Error): string {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
}

function firstLine(text: string): string {
    return String(text).split('\n')[0]!.slice(0, 300);
}

/** Query strings hold SOQL with data in it: keep them out of messages. */
function pathForMessages(path: string): string {
    return path.replace(/\?.*$/, '');
}
