// Scenarios: YAML runs of the system's hero journeys through the agent's tool registry (issue #18.1).
export * from './domain/scenario.schema';
export { parseScenario, readScenarioFile, formatProblem, type ScenarioProblem, type ParsedScenario } from './domain/scenario-file';
export { failedCheck, interpolate, select } from './domain/assertions';
export { ScenarioRunner, SCENARIO_CALLER, StepFailed, type ScenarioReport, type StepReport } from './runner/scenario-runner';
export { loadScenarios, scenarioFiles, DEFAULT_SCENARIO_DIR, type ScenarioCatalog } from './runner/scenario-catalog';
export { renderScenarioTable, formatMs } from './runner/scenario-report';
export { DemoDataset, type DemoSummary, type DemoSeedResult, type DemoResetResult } from './demo/demo-dataset';
export { demoPlan, DEFAULT_DEMO_SEED, DEMO_CUSTOMER_COUNT, DEMO_EMAIL_SUFFIX, DEMO_PORT_CARRIER, type DemoPlan, type DemoCustomerPlan } from './demo/demo-plan';
