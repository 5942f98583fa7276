// The preview server: the built bundle and host page, and a small JSON API through which the
// local lightning/* modules read and write the in-memory org. Listens on 127.0.0.1 only.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { browserClockScript } from './clock';
import { executeGraphql } from './graphql';
import { type Change, type Org, UiApiError } from './org';
import { buildSampleOrg, type SampleOrg, type SampleOrgOptions } from './sampleOrg';
import { fullRecord, objectInfo, picklistValues, picklistValuesByRecordType, recordById, relatedListRecords } from './uiApi';

export interface PreviewServerOptions {
    distDir: string;
    port?: number;
    host?: string;
    sampleOrg?: SampleOrgOptions;
}

export interface RequestStats {
    total: number;
    byKind: Record<string, number>;
}

export interface PreviewServer {
    url: string;
    sample: () => SampleOrg;
    stats: RequestStats;
    close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.json': 'application/json',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
};

const FieldList = z.array(z.string()).optional();
const requests = {
    'record/get': z.object({ recordId: z.string().min(1), fields: FieldList, optionalFields: FieldList }),
    'record/create': z.object({ apiName: z.string().min(1), fields: z.record(z.string(), z.unknown()) }),
    'record/update': z.object({ fields: z.record(z.string(), z.unknown()) }),
    'record/delete': z.object({ recordId: z.string().min(1) }),
    'related-list': z.object({
        parentRecordId: z.string().min(1),
        relatedListId: z.string().min(1),
        fields: FieldList,
        optionalFields: FieldList,
        sortBy: FieldList,
        where: z.string().optional(),
        pageSize: z.number().int().positive().optional(),
        pageToken: z.string().optional(),
    }),
    'related-list-batch': z.object({
        parentRecordId: z.string().min(1),
        relatedListParameters: z.array(
            z.object({
                relatedListId: z.string().min(1),
                fields: FieldList,
                optionalFields: FieldList,
                sortBy: FieldList,
                where: z.string().optional(),
                pageSize: z.number().int().positive().optional(),
            }),
        ),
    }),
    graphql: z.object({ query: z.string().min(1), variables: z.record(z.string(), z.unknown()).optional(), operationName: z.string().optional() }),
    'object-info': z.object({ objectApiName: z.string().min(1) }),
    'picklist-values': z.object({ fieldApiName: z.string().min(1) }),
    'picklist-values-by-record-type': z.object({ objectApiName: z.string().min(1) }),
} as const;
type Kind = keyof typeof requests;

function send(res: http.ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(text);
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return {};
    try {
        return JSON.parse(text);
    } catch {
        throw new UiApiError(400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON.');
    }
}

/** One UI API request against the in-memory org: validated, then answered as the platform would. */
function handleApi(org: Org, kind: Kind, input: unknown): { status: number; body: unknown } {
    const parsed = requests[kind].safeParse(input);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UiApiError(400, 'INVALID_INPUT', `Bad ${kind} request: ${issue?.path.join('.') || 'body'}: ${issue?.message}`);
    }
    const changed = (changes: Change[]) => ({ changes, version: org.version });
    const as = <K extends Kind>() => parsed.data as z.infer<(typeof requests)[K]>;
    switch (kind) {
        case 'record/get': {
            const body = as<'record/get'>();
            return { status: 200, body: recordById(org, body.recordId, body.fields, body.optionalFields) };
        }
        case 'record/create': {
            const body = as<'record/create'>();
            const { record, changes } = org.create(body.apiName, body.fields);
            return { status: 201, body: { record: fullRecord(org, record), ...changed(changes) } };
        }
        case 'record/update': {
            const { record, changes } = org.update(as<'record/update'>().fields);
            return { status: 200, body: { record: fullRecord(org, record), ...changed(changes) } };
        }
        case 'record/delete':
            return { status: 200, body: changed(org.delete(as<'record/delete'>().recordId).changes) };
        case 'related-list':
            return { status: 200, body: relatedListRecords(org, as<'related-list'>()) };
        case 'related-list-batch':
            return { status: 200, body: relatedListBatch(org, as<'related-list-batch'>()) };
        case 'graphql': {
            const body = as<'graphql'>();
            return { status: 200, body: executeGraphql(org, body.query, body.variables ?? {}, body.operationName) };
        }
        case 'object-info':
            return { status: 200, body: objectInfo(org, as<'object-info'>().objectApiName) };
        case 'picklist-values':
            return { status: 200, body: picklistValues(org, as<'picklist-values'>().fieldApiName) };
        case 'picklist-values-by-record-type':
            return { status: 200, body: picklistValuesByRecordType(org, as<'picklist-values-by-record-type'>().objectApiName) };
    }
}

/** One round trip for several lists, as the platform's batch resource: each list answers or fails on its own. */
function relatedListBatch(org: Org, body: z.infer<(typeof requests)['related-list-batch']>) {
    return {
        results: body.relatedListParameters.map((parameters) => {
            try {
                return { statusCode: 200, result: relatedListRecords(org, { ...parameters, parentRecordId: body.parentRecordId }) };
            } catch (error) {
                if (error instanceof UiApiError) return { statusCode: error.status, result: [error.toBody()] };
                throw error;
            }
        }),
    };
}

/** What the host page needs to set up a panel: who is looking, at which record, and the pickers' choices. */
function sessionOf(sample: SampleOrg, distDir: string, url: URL) {
    const org = sample.org;
    const asUser = url.searchParams.get('as');
    if (asUser && org.get(asUser)?.apiName === 'User') org.currentUserId = org.get(asUser)!.Id;
    const record = url.searchParams.get('recordId') ? org.get(url.searchParams.get('recordId')!) : undefined;
    const ownerId = url.searchParams.get('ownerId') ?? (record?.apiName === 'Opportunity' ? String(record.OwnerId) : null);
    const opportunities = ownerId
        ? org
              .all('Opportunity')
              .filter((o) => o.OwnerId === ownerId)
              .sort((a, b) => Number(a.IsClosed) - Number(b.IsClosed) || String(a.Name).localeCompare(String(b.Name)))
              .map((o) => ({ id: o.Id, name: o.Name, stage: o.StageName, closed: o.IsClosed === true }))
        : [];
    const panelsFile = path.join(distDir, 'panels.json');
    return {
        currentUserId: org.currentUserId,
        record: record ? { id: record.Id, apiName: record.apiName, ownerId: record.OwnerId ?? null } : null,
        reps: sample.reps,
        users: org.all('User').map((u) => ({ id: u.Id, name: u.Name })),
        opportunities,
        panels: fs.existsSync(panelsFile) ? JSON.parse(fs.readFileSync(panelsFile, 'utf8')) : [],
        notes: sample.notes,
        heavyRepId: sample.heavyRepId,
    };
}

/** A file of the built bundle, never one outside it. */
function serveFile(distDir: string, url: URL, res: http.ServerResponse): void {
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(distDir, `.${relative}`);
    if (!file.startsWith(distDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not found');
        return;
    }
    res.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
    const distDir = path.resolve(options.distDir);
    if (!fs.existsSync(path.join(distDir, 'index.html'))) {
        throw new Error(`No preview bundle in ${distDir}: build it first (npm run preview builds, then serves).`);
    }
    let sample = await buildSampleOrg({ heavyRep: true, ...options.sampleOrg });
    const stats: RequestStats = { total: 0, byKind: {} };

    /** The preview's own routes under /api/ and the UI API. */
    async function answerApi(req: http.IncomingMessage, url: URL): Promise<{ status: number; body: unknown }> {
        const route = url.pathname.slice('/api/'.length);
        if (route === 'session' && req.method === 'GET') return { status: 200, body: sessionOf(sample, distDir, url) };
        if (route === 'stats' && req.method === 'GET') return { status: 200, body: stats };
        if (route === 'stats/reset' && req.method === 'POST') {
            stats.total = 0;
            stats.byKind = {};
            return { status: 200, body: stats };
        }
        if (route === 'reset' && req.method === 'POST') {
            sample = await buildSampleOrg({ heavyRep: true, ...options.sampleOrg });
            return { status: 200, body: { ok: true } };
        }
        const kind = route.replace(/^ui\//, '') as Kind;
        if (!route.startsWith('ui/') || !(kind in requests) || req.method !== 'POST') {
            return { status: 404, body: { message: `No preview API ${req.method} ${url.pathname}` } };
        }
        stats.total++;
        stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
        return handleApi(sample.org, kind, await readBody(req));
    }

    const server = http.createServer(async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        try {
            if (url.pathname.startsWith('/api/')) {
                const { status, body } = await answerApi(req, url);
                return send(res, status, body);
            }
            if (url.pathname === '/clock.js') {
                // The page's clock, from the org's clock as the page loads (see clock.ts).
                res.writeHead(200, { 'content-type': contentTypes['.js']!, 'cache-control': 'no-store' });
                return res.end(browserClockScript(sample.org.now().getTime()));
            }
            serveFile(distDir, url, res);
        } catch (error) {
            if (error instanceof UiApiError) return send(res, error.status, error.toBody());
            const message = error instanceof Error ? error.message : String(error);
            console.error(`preview server: ${req.method} ${url.pathname} failed: ${message}`);
            return send(res, 500, { message: `The preview server failed: ${message}`, errorCode: 'PREVIEW_SERVER_ERROR' });
        }
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const address = server.address() as AddressInfo;
    return {
        url: `http://${address.address}:${address.port}`,
        sample: () => sample,
        stats,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}
