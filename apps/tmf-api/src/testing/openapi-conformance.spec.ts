import { conformanceProblems } from './openapi-conformance';

const official = {
  servers: [{ url: 'https://serverRoot/tmf-api/x/v1' }],
  paths: {
    '/thing/{id}': {
      get: {
        operationId: 'retrieveThing',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'fields', in: 'query', schema: { type: 'string' } },
        ],
        responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } }, '404': {} },
      },
    },
  },
  components: {
    schemas: {
      Thing: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, size: { type: 'integer' }, part: { type: 'array', items: { $ref: '#/components/schemas/Part' } } } },
      Part: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    },
  },
};
const copy = () => JSON.parse(JSON.stringify({ ...official, servers: [{ url: '/tmf-api/x/v1' }] }));

describe('conformanceProblems', () => {
  it('finds nothing when ours is the official document plus additions', () => {
    const ours = copy();
    ours.paths['/extra'] = { get: { responses: { '200': {} } } };
    ours.components.schemas.Thing.properties.extra = { type: 'string' };
    expect(conformanceProblems(official, ours)).toEqual(new Map());
  });

  it.each([
    ['a missing operation', (d: ReturnType<typeof copy>) => delete d.paths['/thing/{id}'].get, 'operation missing'],
    ['a renamed path parameter', (d: ReturnType<typeof copy>) => (d.paths['/thing/{thingId}'] = d.paths['/thing/{id}']) && delete d.paths['/thing/{id}'], 'operation missing'],
    ['a missing query parameter', (d: ReturnType<typeof copy>) => d.paths['/thing/{id}'].get.parameters.pop(), 'parameter query fields: missing'],
    ['a parameter no longer required', (d: ReturnType<typeof copy>) => delete d.paths['/thing/{id}'].get.parameters[0].required, 'parameter path id: no longer required'],
    ['a changed parameter type', (d: ReturnType<typeof copy>) => (d.paths['/thing/{id}'].get.parameters[1].schema.type = 'integer'), 'parameter query fields: type string became integer'],
    ['a missing response code', (d: ReturnType<typeof copy>) => delete d.paths['/thing/{id}'].get.responses['404'], 'response 404: missing'],
    ['a changed property type', (d: ReturnType<typeof copy>) => (d.components.schemas.Thing.properties.size.type = 'string'), 'response 200.size: type integer became string'],
    ['a dropped required name, deep', (d: ReturnType<typeof copy>) => (d.components.schemas.Part.required = []), 'response 200.part[]: required property name no longer required'],
    ['a missing property', (d: ReturnType<typeof copy>) => delete d.components.schemas.Thing.properties.size, 'response 200.size: property missing'],
    ['a changed operationId', (d: ReturnType<typeof copy>) => (d.paths['/thing/{id}'].get.operationId = 'getThing'), 'operationId retrieveThing became getThing'],
  ])('reports %s', (_what, change, problem) => {
    const ours = copy();
    change(ours);
    expect(conformanceProblems(official, ours).get('GET /thing/{id}')).toContain(problem);
  });

  it('reports a deleted schema even when no operation refers to it', () => {
    const ours = copy();
    (ours.components.schemas as Record<string, unknown>).Unused = undefined;
    const withUnused = { ...official, components: { schemas: { ...official.components.schemas, Unused: { type: 'object' } } } };
    expect(conformanceProblems(withUnused, ours).get('components')).toEqual(['schema Unused deleted']);
  });

  it('reports a different base path on every operation', () => {
    const ours = copy();
    ours.servers = [{ url: '/tmf-api/x/v2' }];
    expect(conformanceProblems(official, ours).get('GET /thing/{id}')).toContain('basePath /tmf-api/x/v1 became /tmf-api/x/v2');
  });
});
