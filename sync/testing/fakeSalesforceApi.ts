// A small in-memory Salesforce org behind node:http, serving the REST endpoints jsforce and the sync
// service call: query/queryMore, composite batch, sObject Collections upsert by external id, Bulk API
// 2.0 query jobs with locator paging, limits, userinfo and the OAuth refresh-token grant. It logs
// every call (for API budgets) and injects faults (401, 503 bursts, REQUEST_LIMIT_EXCEEDED,
// connection resets in the middle of a response, per-record upsert errors).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeId } from '../src/core/salesforceId';
import { parseSoql, runQuery, SoqlError, type FieldValue, type ParsedQuery, type StoredRecord } from './fakeSoql';

export type { FieldValue, StoredRecord } from './fakeSoql';

export const fakeApiVersion = '62.0';

const keyPrefixes: Record<string, string> = {
    Organization: '00D',
    User: '005',
    Opportunity: '006',
    OpportunityHistory: '008',
    OpportunityStage: '01J',
    OpportunityContactRole: '00K',
    Task: '00T',
    Event: '00U',
    Goal_Plan__c: 'a01',
    Learning_Goal__c: 'a02',
};

const restrictedPicklists: Record<string, Record<string, readonly string[]>> = {
    Learning_Goal__c: {
        Status__c: ['Suggested', 'Accepted', 'In Progress', 'Achieved', 'Dismissed'],
        Source__c: ['Analysis', 'Manager', 'Rep'],
    },
};

const textLimits: Record<string, Record<string, number>> = {
    Goal_Plan__c: { Name: 80, Plan_Key__c: 80 },
    Learning_Goal__c: { Name: 80, Summary__c: 255, Suggestion_Key__c: 120, Dismissed_Reason__c: 255 },
};

/** Fields that differ between two runs reaching the same org state. */
const volatileFields = new Set(['Id', 'SystemModstamp', 'LastModifiedDate', 'CreatedDate', 'Last_Analyzed__c']);

export interface CallRecord {
    method: string;
    path: string;
    search: string;
    status: number;
    /** What the call did: query, queryMore, batch, upsert, bulkCreate, bulkPoll, bulkResults, limits, userinfo, token. */
    kind: string;
}

export type Fault =
    | { kind: 'unauthorized'; times: number; path?: RegExp }
    | { kind: 'unavailable'; times: number; path?: RegExp; method?: string }
    | { kind: 'requestLimit'; afterCalls: number }
    | { kind: 'resetMidPage'; times: number; path?: RegExp }
    | { kind: 'recordError'; times: number; externalId: string; statusCode: string; message: string };

interface QueryCursor {
    sobject: string;
    fields: string[];
    rows: StoredRecord[];
}

interface BulkJob {
    id: string;
    sobject: string;
    fields: string[];
    rows: StoredRecord[];
    pollsLeft: number;
    createdById: string;
}

export interface FakeOrgOptions {
    /** REST query batch size (Salesforce: 2000). */
    queryPageSize?: number;
    /** Bulk 2.0 result page size when the client sends no maxRecords. */
    bulkPageSize?: number;
    /** Polls a Bulk 2.0 job answers InProgress before JobComplete. */
    bulkPollsUntilComplete?: number;
    /** Daily API request allowance reported in Sforce-Limit-Info and /limits. */
    dailyApiLimit?: number;
}

class ApiError extends Error {
    constructor(
        readonly status: number,
        readonly errorCode: string,
        message: string,
    ) {
        super(message);
    }
}

export class FakeSalesforceApi {
    readonly orgId: string;
    readonly integrationUserId: string;
    readonly calls: CallRecord[] = [];
    readonly faults: Fault[] = [];
    apiUsed = 0;
    /** Called once a call is handled, before its response is sent (a test can act between two calls). */
    onCall: ((call: CallRecord) => void) | undefined;
    private readonly objects = new Map<string, Map<string, StoredRecord>>();
    private readonly sequences = new Map<string, number>();
    private readonly sessions = new Map<string, string>();
    private readonly refreshTokens = new Map<string, string>();
    private readonly cursors = new Map<string, QueryCursor>();
    private readonly jobs = new Map<string, BulkJob>();
    private server: http.Server | undefined;
    private clockOffsetMs = 0;
    private tokenSequence = 0;
    private readonly options: Required<FakeOrgOptions>;
    url = '';

    constructor(options: FakeOrgOptions = {}) {
        this.options = {
            queryPageSize: options.queryPageSize ?? 2000,
            bulkPageSize: options.bulkPageSize ?? 50000,
            bulkPollsUntilComplete: options.bulkPollsUntilComplete ?? 1,
            dailyApiLimit: options.dailyApiLimit ?? 100000,
        };
        this.orgId = this.nextId('Organization');
        // Set up an hour ago, like the rest of the org's data: a fresh stamp would look like a change.
        this.integrationUserId = this.nextId('User');
        this.load('User', [{ Id: this.integrationUserId, Name: 'Goal Coach Integration', Username: 'integration@goal-coach.test', IsActive: true }]);
    }

    async start(): Promise<string> {
        this.server = http.createServer((req, res) => {
            void this.handle(req, res);
        });
        await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
        const { port } = this.server.address() as AddressInfo;
        this.url = `http://127.0.0.1:${port}`;
        return this.url;
    }

    async stop(): Promise<void> {
        const server = this.server;
        if (!server) return;
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        this.server = undefined;
    }

    /** A new access token for a user (the integration user by default). */
    createSession(userId = this.integrationUserId): string {
        const token = `00D!fake.${++this.tokenSequence}.${Math.random().toString(36).slice(2)}`;
        this.sessions.set(token, userId);
        return token;
    }

    createRefreshToken(userId = this.integrationUserId): string {
        const token = `refresh.${++this.tokenSequence}`;
        this.refreshTokens.set(token, userId);
        return token;
    }

    /** Expires every access token, as a session timeout does. */
    expireSessions(): void {
        this.sessions.clear();
    }

    // ---- data -------------------------------------------------------------------------------

    private table(sobject: string): Map<string, StoredRecord> {
        let table = this.objects.get(sobject);
        if (!table) {
            table = new Map();
            this.objects.set(sobject, table);
        }
        return table;
    }

    private nextId(sobject: string): string {
        const sequence = (this.sequences.get(sobject) ?? 0) + 1;
        this.sequences.set(sobject, sequence);
        return makeId(keyPrefixes[sobject] ?? 'a0Z', sequence);
    }

    /** Salesforce stamps have whole seconds: records written in the same second share a stamp. */
    private modstamp(): string {
        return new Date(Math.floor((Date.now() + this.clockOffsetMs) / 1000) * 1000).toISOString();
    }

    /** The Date response header, on the org's clock. */
    private httpDate(): string {
        return new Date(Date.now() + this.clockOffsetMs).toUTCString();
    }

    /** Moves the org's clock forward, so that later edits get later SystemModstamps than earlier reads saw. */
    advanceClock(ms: number): void {
        this.clockOffsetMs += ms;
    }

    /** Inserts a record as a user (the integration user by default); returns its id. */
    insert(sobject: string, fields: StoredRecord, asUser = this.integrationUserId): string {
        const id = typeof fields.Id === 'string' ? fields.Id : this.nextId(sobject);
        const stamp = this.modstamp();
        this.table(sobject).set(id, {
            OwnerId: asUser,
            CreatedDate: stamp,
            CreatedById: asUser,
            ...fields,
            Id: id,
            LastModifiedById: asUser,
            LastModifiedDate: stamp,
            SystemModstamp: stamp,
        });
        return id;
    }

    /** Loads records as they are (for seeding from an export): keeps their ids and stamps; rows without a stamp were last changed an hour ago. */
    load(sobject: string, rows: StoredRecord[]): void {
        const anHourAgo = new Date(Date.parse(this.modstamp()) - 3600_000).toISOString();
        for (const row of rows) {
            const id = typeof row.Id === 'string' && row.Id ? row.Id : this.nextId(sobject);
            const stamp = typeof row.SystemModstamp === 'string' && row.SystemModstamp ? row.SystemModstamp : anHourAgo;
            this.table(sobject).set(id, { ...row, Id: id, SystemModstamp: stamp });
        }
    }

    /** Updates a record as a user: a human edit when the user is not the integration user. */
    update(sobject: string, id: string, fields: StoredRecord, asUser = this.integrationUserId): void {
        const record = this.table(sobject).get(id);
        if (!record) throw new Error(`no ${sobject} ${id} in the fake org`);
        const stamp = this.modstamp();
        Object.assign(record, fields, { LastModifiedById: asUser, LastModifiedDate: stamp, SystemModstamp: stamp });
    }

    /** Deletes a record as a user in the UI does: to the recycle bin (IsDeleted, seen by queryAll only). */
    remove(sobject: string, id: string, asUser = this.integrationUserId): void {
        this.update(sobject, id, { IsDeleted: true }, asUser);
    }

    /** Removes a record for good, as if it had never existed. */
    purge(sobject: string, id: string): void {
        this.table(sobject).delete(id);
    }

    list(sobject: string): StoredRecord[] {
        return [...this.table(sobject).values()].map((record) => ({ ...record }));
    }

    find(sobject: string, field: string, value: FieldValue): StoredRecord | undefined {
        for (const record of this.table(sobject).values()) if (record[field] === value && record.IsDeleted !== true) return { ...record };
        return undefined;
    }

    /** Records of an object without the volatile system fields: for comparing org states. */
    snapshot(sobject: string, key: string): Record<string, StoredRecord> {
        const result: Record<string, StoredRecord> = {};
        for (const record of this.table(sobject).values()) {
            const stable: StoredRecord = {};
            for (const [field, value] of Object.entries(record)) {
                if (volatileFields.has(field)) continue;
                // Lookups hold generated ids; compare the stable external keys instead.
                if (field === 'Goal_Plan__c' && typeof value === 'string') {
                    stable.Goal_Plan__c = this.table('Goal_Plan__c').get(value)?.Plan_Key__c ?? value;
                } else {
                    stable[field] = value;
                }
            }
            result[String(record[key])] = stable;
        }
        return result;
    }

    // ---- call accounting ------------------------------------------------------------------------

    callCount(filter: (call: CallRecord) => boolean = () => true): number {
        return this.calls.filter(filter).length;
    }

    /** API calls only (no OAuth token requests), as Salesforce counts them. */
    apiCallCount(): number {
        return this.callCount((call) => call.kind !== 'token');
    }

    resetCalls(): void {
        this.calls.length = 0;
    }

    clearFaults(): void {
        this.faults.length = 0;
    }

    // ---- HTTP -------------------------------------------------------------------------------------

    private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        const url = new URL(req.url ?? '/', 'http://fake');
        const call: CallRecord = { method: req.method ?? 'GET', path: url.pathname, search: url.search, status: 200, kind: 'unknown' };
        this.calls.push(call);
        const body = await readBody(req);
        try {
            if (url.pathname === '/services/oauth2/token') {
                call.kind = 'token';
                this.respondJson(res, call, 200, this.refresh(body));
                return;
            }
            this.applyGateFaults(call, url);
            const userId = this.authenticate(req);
            this.apiUsed++;
            const { status, payload, contentType, headers } = this.route(call, url, body, userId);
            this.onCall?.(call);
            const text = contentType === 'application/json' ? JSON.stringify(payload) : String(payload);
            const reset = this.takeFault('resetMidPage', url.pathname);
            res.writeHead(status, {
                date: this.httpDate(),
                'content-type': `${contentType};charset=UTF-8`,
                'content-length': Buffer.byteLength(text),
                'sforce-limit-info': `api-usage=${this.apiUsed}/${this.options.dailyApiLimit}`,
                ...headers,
            });
            call.status = status;
            if (reset) {
                call.status = -1;
                res.write(text.slice(0, Math.floor(text.length / 2)));
                res.flushHeaders();
                setTimeout(() => req.socket.destroy(), 5);
                return;
            }
            res.end(text);
        } catch (error) {
            if (error instanceof ApiError) {
                this.respondJson(res, call, error.status, [{ message: error.message, errorCode: error.errorCode }]);
            } else if (error instanceof SoqlError) {
                this.respondJson(res, call, 400, [{ message: error.message, errorCode: 'MALFORMED_QUERY' }]);
            } else {
                this.respondJson(res, call, 500, [{ message: String(error), errorCode: 'UNKNOWN_EXCEPTION' }]);
            }
        }
    }

    private respondJson(res: http.ServerResponse, call: CallRecord, status: number, payload: unknown): void {
        call.status = status;
        const text = JSON.stringify(payload);
        res.writeHead(status, {
            date: this.httpDate(),
            'content-type': 'application/json;charset=UTF-8',
            'content-length': Buffer.byteLength(text),
            'sforce-limit-info': `api-usage=${this.apiUsed}/${this.options.dailyApiLimit}`,
        });
        res.end(text);
    }

    private takeFault<K extends 'unauthorized' | 'unavailable' | 'resetMidPage'>(kind: K, path: string, method?: string): boolean {
        const fault = this.faults.find(
            (candidate) =>
                candidate.kind === kind &&
                candidate.times > 0 &&
                (!('path' in candidate) || !candidate.path || candidate.path.test(path)) &&
                (candidate.kind !== 'unavailable' || !candidate.method || candidate.method === method),
        ) as Extract<Fault, { times: number }> | undefined;
        if (!fault) return false;
        fault.times--;
        return true;
    }

    private applyGateFaults(call: CallRecord, url: URL): void {
        const limit = this.faults.find((fault) => fault.kind === 'requestLimit');
        if (limit && limit.kind === 'requestLimit') {
            if (limit.afterCalls <= 0) throw new ApiError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
            limit.afterCalls--;
        }
        if (this.takeFault('unauthorized', url.pathname)) {
            this.expireSessions();
            throw new ApiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
        }
        if (this.takeFault('unavailable', url.pathname, call.method)) {
            throw new ApiError(503, 'SERVER_UNAVAILABLE', 'Service temporarily unavailable');
        }
    }

    private authenticate(req: http.IncomingMessage): string {
        const header = req.headers.authorization ?? '';
        const token = header.replace(/^Bearer\s+/i, '');
        const userId = this.sessions.get(token);
        if (!userId) throw new ApiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
        return userId;
    }

    private refresh(body: string): unknown {
        const params = new URLSearchParams(body);
        if (params.get('grant_type') !== 'refresh_token') throw new ApiError(400, 'unsupported_grant_type', 'grant type not supported');
        const userId = this.refreshTokens.get(params.get('refresh_token') ?? '');
        if (!userId) throw new ApiError(400, 'invalid_grant', 'expired access/refresh token');
        const accessToken = this.createSession(userId);
        return {
            access_token: accessToken,
            instance_url: this.url,
            id: `${this.url}/id/${this.orgId}/${userId}`,
            token_type: 'Bearer',
            issued_at: String(Date.now()),
            signature: 'fake',
        };
    }

    private route(
        call: CallRecord,
        url: URL,
        body: string,
        userId: string,
    ): { status: number; payload: unknown; contentType: string; headers?: Record<string, string> } {
        const json = (payload: unknown, status = 200) => ({ status, payload, contentType: 'application/json' });
        if (url.pathname === '/services/oauth2/userinfo') {
            call.kind = 'userinfo';
            return json({ user_id: userId, organization_id: this.orgId, preferred_username: `${userId}@fake` });
        }
        if (url.pathname === '/services/data' || url.pathname === '/services/data/') {
            call.kind = 'versions';
            return json([{ label: "Winter '25", url: `/services/data/v${fakeApiVersion}`, version: fakeApiVersion }]);
        }
        const match = /^\/services\/data\/v(\d+\.\d)(\/.*)$/.exec(url.pathname);
        if (!match) throw new ApiError(404, 'NOT_FOUND', `The requested resource does not exist: ${url.pathname}`);
        const [, version, path] = match as unknown as [string, string, string];
        if (call.method === 'GET' && (path === '/query' || path === '/queryAll')) {
            call.kind = 'query';
            return json(this.query(url.searchParams.get('q') ?? '', version, path === '/queryAll'));
        }
        const more = /^\/query(?:All)?\/([\w-]+)$/.exec(path);
        if (call.method === 'GET' && more) {
            call.kind = 'queryMore';
            return json(this.queryMore(more[1]!, version));
        }
        const retrieve = /^\/sobjects\/(\w+)\/(\w{15,18})$/.exec(path);
        if (call.method === 'GET' && retrieve) {
            call.kind = 'retrieve';
            const record = this.table(retrieve[1]!).get(retrieve[2]!);
            if (!record) throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
            return json({ attributes: { type: retrieve[1], url: `/services/data/v${version}/sobjects/${retrieve[1]}/${retrieve[2]}` }, ...record });
        }
        if (call.method === 'GET' && path === '/limits') {
            call.kind = 'limits';
            const max = this.options.dailyApiLimit;
            return json({ DailyApiRequests: { Max: max, Remaining: Math.max(0, max - this.apiUsed) } });
        }
        if (call.method === 'POST' && path === '/composite/batch') {
            call.kind = 'batch';
            return json(this.batch(body, version));
        }
        const upsert = /^\/composite\/sobjects\/(\w+)\/(\w+)$/.exec(path);
        if (call.method === 'PATCH' && upsert) {
            call.kind = 'upsert';
            return json(this.upsert(upsert[1]!, upsert[2]!, body, userId));
        }
        if (call.method === 'POST' && path === '/jobs/query') {
            call.kind = 'bulkCreate';
            return json(this.createJob(body, userId, version));
        }
        const job = /^\/jobs\/query\/(\w+)(\/results)?$/.exec(path);
        if (call.method === 'GET' && job) {
            if (job[2]) {
                call.kind = 'bulkResults';
                return this.jobResults(job[1]!, url.searchParams);
            }
            call.kind = 'bulkPoll';
            return json(this.pollJob(job[1]!, version));
        }
        throw new ApiError(404, 'NOT_FOUND', `The fake org does not implement ${call.method} ${url.pathname}`);
    }

    /** Rows of a query; deleted rows (the recycle bin) only for queryAll. */
    private select(query: ParsedQuery, includeDeleted = false): StoredRecord[] {
        if (!keyPrefixes[query.sobject] && !this.objects.has(query.sobject)) {
            throw new ApiError(400, 'INVALID_TYPE', `sObject type '${query.sobject}' is not supported.`);
        }
        const rows = [...this.table(query.sobject).values()].filter((record) => includeDeleted || record.IsDeleted !== true);
        return runQuery(query, rows);
    }

    private query(soql: string, version: string, includeDeleted = false): unknown {
        const parsed = parseSoql(soql);
        const rows = this.select(parsed, includeDeleted);
        if (parsed.count) return { totalSize: rows.length, done: true, records: [] };
        const cursorId = `01g5g${Math.random().toString(36).slice(2, 12)}`;
        this.cursors.set(cursorId, { sobject: parsed.sobject, fields: parsed.fields, rows });
        return this.page(cursorId, 0, version);
    }

    private queryMore(locator: string, version: string): unknown {
        const [cursorId, offsetText] = locator.split('-');
        const offset = Number(offsetText);
        if (!cursorId || !this.cursors.has(cursorId) || !Number.isInteger(offset)) {
            throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        }
        return this.page(cursorId, offset, version);
    }

    /** One page of a query cursor; the offset lives in nextRecordsUrl, so a retried page is the same page. */
    private page(cursorId: string, offset: number, version: string): unknown {
        const cursor = this.cursors.get(cursorId)!;
        const slice = cursor.rows.slice(offset, offset + this.options.queryPageSize);
        const end = offset + slice.length;
        const done = end >= cursor.rows.length;
        return {
            totalSize: cursor.rows.length,
            done,
            ...(done ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${cursorId}-${end}` }),
            records: slice.map((row) => ({
                attributes: { type: cursor.sobject, url: `/services/data/v${version}/sobjects/${cursor.sobject}/${String(row.Id)}` },
                ...pick(row, cursor.fields),
            })),
        };
    }

    private batch(body: string, version: string): unknown {
        const { batchRequests } = JSON.parse(body) as { batchRequests: { method: string; url: string }[] };
        if (!Array.isArray(batchRequests) || batchRequests.length > 25) {
            throw new ApiError(400, 'INVALID_BATCH_REQUEST', 'a batch holds 1 to 25 subrequests');
        }
        // Salesforce counts every subrequest of a batch against the daily allowance.
        this.apiUsed += batchRequests.length - 1;
        const results = batchRequests.map((request) => {
            try {
                const subUrl = new URL(`/${request.url.replace(/^\//, '')}`, 'http://fake');
                if (request.method !== 'GET' || !/^\/v\d+\.\d\/query(All)?$/.test(subUrl.pathname)) {
                    throw new ApiError(400, 'NOT_SUPPORTED', `the fake batch supports GET query and queryAll only, not ${request.method} ${request.url}`);
                }
                return { statusCode: 200, result: this.query(subUrl.searchParams.get('q') ?? '', version, subUrl.pathname.endsWith('/queryAll')) };
            } catch (error) {
                const code = error instanceof ApiError ? error.errorCode : 'MALFORMED_QUERY';
                return { statusCode: 400, result: [{ errorCode: code, message: (error as Error).message }] };
            }
        });
        return { hasErrors: results.some((result) => result.statusCode >= 400), results };
    }

    private upsert(sobject: string, externalIdField: string, body: string, userId: string): unknown {
        const { records } = JSON.parse(body) as { records: (StoredRecord & { attributes?: unknown })[] };
        if (!Array.isArray(records) || records.length > 200) {
            throw new ApiError(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 200 records into this call');
        }
        return records.map((input) => {
            const fields: Record<string, unknown> = { ...input };
            delete fields.attributes;
            const key = fields[externalIdField];
            const injected = this.faults.find(
                (fault) => fault.kind === 'recordError' && fault.times > 0 && fault.externalId === key,
            ) as Extract<Fault, { kind: 'recordError' }> | undefined;
            if (injected) {
                injected.times--;
                return { success: false, errors: [{ statusCode: injected.statusCode, message: injected.message, fields: [] }] };
            }
            try {
                const values = this.resolveRelationships(fields);
                this.validate(sobject, values);
                const existing = [...this.table(sobject).values()].find((record) => record[externalIdField] === key && record.IsDeleted !== true);
                if (existing) {
                    this.update(sobject, String(existing.Id), values, userId);
                    return { id: existing.Id, success: true, errors: [], created: false };
                }
                const id = this.insert(sobject, values, userId);
                return { id, success: true, errors: [], created: true };
            } catch (error) {
                const statusCode = error instanceof ApiError ? error.errorCode : 'UNKNOWN_EXCEPTION';
                return { success: false, errors: [{ statusCode, message: (error as Error).message, fields: [] }] };
            }
        });
    }

    /** `Goal_Plan__r: { Plan_Key__c: 'k' }` becomes `Goal_Plan__c: <id of the plan with that key>`. */
    private resolveRelationships(fields: Record<string, unknown>): StoredRecord {
        const values: StoredRecord = {};
        for (const [field, value] of Object.entries(fields)) {
            if (field.endsWith('__r') && value && typeof value === 'object') {
                const target = field.replace(/__r$/, '__c');
                const [[externalField, externalValue]] = Object.entries(value) as [[string, FieldValue]];
                const parent = this.find(target, externalField, externalValue);
                if (!parent) {
                    throw new ApiError(
                        400,
                        'INVALID_FIELD',
                        `Foreign key external ID: ${String(externalValue)} not found for field ${externalField} in entity ${target}`,
                    );
                }
                values[target] = parent.Id ?? null;
            } else {
                values[field] = value as FieldValue;
            }
        }
        return values;
    }

    private validate(sobject: string, values: StoredRecord): void {
        for (const [field, allowed] of Object.entries(restrictedPicklists[sobject] ?? {})) {
            const value = values[field];
            if (value !== undefined && value !== null && !allowed.includes(String(value))) {
                throw new ApiError(400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${field}: bad value for restricted picklist field: ${String(value)}`);
            }
        }
        for (const [field, limit] of Object.entries(textLimits[sobject] ?? {})) {
            const value = values[field];
            if (typeof value === 'string' && value.length > limit) {
                throw new ApiError(400, 'STRING_TOO_LONG', `${field}: data value too large: ${value.slice(0, 20)}… (max length=${limit})`);
            }
        }
    }

    private createJob(body: string, userId: string, version: string): unknown {
        const { operation, query } = JSON.parse(body) as { operation: string; query: string };
        if (operation !== 'query' && operation !== 'queryAll') throw new ApiError(400, 'INVALIDJOB', `unsupported operation ${operation}`);
        const parsed = parseSoql(query);
        if (parsed.count) throw new ApiError(400, 'INVALIDJOB', 'COUNT() is not supported by Bulk API 2.0');
        const id = makeId('750', this.jobs.size + 1);
        this.jobs.set(id, {
            id,
            sobject: parsed.sobject,
            fields: parsed.fields,
            rows: this.select(parsed, operation === 'queryAll'),
            pollsLeft: this.options.bulkPollsUntilComplete,
            createdById: userId,
        });
        return this.jobInfo(this.jobs.get(id)!, 'UploadComplete', version);
    }

    private jobInfo(job: BulkJob, state: string, version: string): unknown {
        return {
            id: job.id,
            operation: 'query',
            object: job.sobject,
            createdById: job.createdById,
            state,
            concurrencyMode: 'Parallel',
            contentType: 'CSV',
            apiVersion: Number(version),
            lineEnding: 'LF',
            columnDelimiter: 'COMMA',
            ...(state === 'JobComplete' ? { numberRecordsProcessed: job.rows.length } : {}),
        };
    }

    private pollJob(id: string, version: string): unknown {
        const job = this.jobs.get(id);
        if (!job) throw new ApiError(404, 'NOT_FOUND', `no query job ${id}`);
        if (job.pollsLeft > 0) {
            job.pollsLeft--;
            return this.jobInfo(job, 'InProgress', version);
        }
        return this.jobInfo(job, 'JobComplete', version);
    }

    private jobResults(id: string, params: URLSearchParams): { status: number; payload: unknown; contentType: string; headers: Record<string, string> } {
        const job = this.jobs.get(id);
        if (!job) throw new ApiError(404, 'NOT_FOUND', `no query job ${id}`);
        if (job.pollsLeft > 0) throw new ApiError(400, 'INVALIDJOBSTATE', 'the job has not completed yet');
        const locator = params.get('locator');
        const offset = locator ? Number(Buffer.from(locator, 'base64url').toString()) : 0;
        if (!Number.isInteger(offset) || offset < 0) throw new ApiError(400, 'INVALID_LOCATOR', `bad locator ${locator}`);
        const pageSize = Number(params.get('maxRecords') ?? this.options.bulkPageSize);
        const slice = job.rows.slice(offset, offset + pageSize);
        const end = offset + slice.length;
        const lines = [job.fields.map(csvCell).join(','), ...slice.map((row) => job.fields.map((field) => csvCell(row[field] ?? null)).join(','))];
        return {
            status: 200,
            payload: lines.join('\n') + '\n',
            contentType: 'text/csv',
            headers: {
                'sforce-locator': end < job.rows.length ? Buffer.from(String(end)).toString('base64url') : 'null',
                'sforce-numberofrecords': String(slice.length),
            },
        };
    }
}

function csvCell(value: FieldValue): string {
    if (value === null) return '';
    return `"${String(value).replace(/"/g, '""')}"`;
}

function pick(row: StoredRecord, fields: string[]): StoredRecord {
    const result: StoredRecord = {};
    for (const field of fields) result[field] = row[field] ?? null;
    return result;
}

function readBody(req: http.IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}
