import { Injectable } from '@nestjs/common';
import { HttpAdapterHost, ModulesContainer } from '@nestjs/core';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { HubApi } from '@bss/tmf';
import { officialOpenApi, TMF_APIS } from './official-contract';
import { TMF_ERROR_SHAPE_NOTE } from './tmf-error.shape';

type Operation = Record<string, unknown> & { operationId?: string; parameters?: { name: string; in: string }[] };
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * One OpenAPI 3 document per TMF API, generated from this app's routes by @nestjs/swagger and
 * completed from the official contract of each operation a route declares (`@TmfOperation`).
 * Built on first request, then kept: routes do not change while the process runs.
 */
@Injectable()
export class TmfOpenApiDocuments {
  private built?: Promise<Map<HubApi, OpenAPIObject>>;

  constructor(
    private readonly modules: ModulesContainer,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  document(api: HubApi): Promise<OpenAPIObject> {
    this.built ??= this.build();
    return this.built.then((docs) => docs.get(api)!);
  }

  private async build(): Promise<Map<HubApi, OpenAPIObject>> {
    const generated = SwaggerModule.createDocument(this.applicationFacade(), { openapi: '3.0.3', info: { title: 'BSS TMF APIs', version: '1' } });
    const docs = new Map<HubApi, OpenAPIObject>();
    for (const api of Object.keys(TMF_APIS) as HubApi[]) docs.set(api, await this.documentFor(api, generated));
    return docs;
  }

  private async documentFor(api: HubApi, generated: OpenAPIObject): Promise<OpenAPIObject> {
    const official = await officialOpenApi(api);
    const { basePath } = TMF_APIS[api];
    const officialById = new Map<string, Operation>();
    for (const item of Object.values(official.paths)) {
      for (const method of METHODS) {
        const op = (item as Record<string, Operation | undefined>)[method];
        if (op?.operationId) officialById.set(op.operationId, op);
      }
    }
    const paths: OpenAPIObject['paths'] = {};
    for (const [fullPath, item] of Object.entries(generated.paths)) {
      if (!fullPath.startsWith(`${basePath}/`)) continue;
      const path = fullPath.slice(basePath.length);
      const ops: Record<string, Operation> = {};
      for (const method of METHODS) {
        const ours = (item as Record<string, Operation | undefined>)[method];
        if (!ours) continue;
        const contract = ours.operationId && !ours['x-bss-not-served'] ? officialById.get(ours.operationId) : undefined;
        ops[method] = contract ? completeFromContract(ours, contract) : withoutNestTags(ours);
      }
      paths[path] = ops;
    }
    return {
      openapi: official.openapi,
      info: { ...official.info, 'x-bss-served-by': 'bss tmf-api', 'x-bss-error-shape': TMF_ERROR_SHAPE_NOTE } as OpenAPIObject['info'],
      servers: [{ url: basePath }],
      paths,
      components: official.components ?? {},
    };
  }

  /** What SwaggerModule reads from a Nest application: its modules, its HTTP adapter, no global prefix or versioning (createHttpApp sets neither). */
  private applicationFacade(): Parameters<typeof SwaggerModule.createDocument>[0] {
    const modules = this.modules;
    const config = { getGlobalPrefix: () => '', getGlobalPrefixOptions: () => ({}), getVersioning: () => undefined };
    return { container: { getModules: () => modules }, config, getHttpAdapter: () => this.adapterHost.httpAdapter } as never;
  }
}

/** The official operation, at our route: our path parameters are kept where the contract names none of the same name. */
function completeFromContract(ours: Operation, contract: Operation): Operation {
  const official = contract.parameters ?? [];
  const extraPathParams = (ours.parameters ?? []).filter((p) => p.in === 'path' && !official.some((o) => o.name === p.name && o.in === 'path'));
  return { ...contract, parameters: [...official, ...extraPathParams] };
}

function withoutNestTags(op: Operation): Operation {
  const { tags: _tags, ...rest } = op;
  return rest;
}
