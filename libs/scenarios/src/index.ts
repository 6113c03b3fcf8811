// Scenarios: YAML runs of the system's hero journeys through the agent's tool registry (issue #18.1).
export * from './domain/scenario.schema';
export { parseScenario, readScenarioFile, formatProblem, type ScenarioProblem, type ParsedScenario } from './domain/scenario-file';
export { failedCheck, interpolate, select } from './domain/assertions';
export { ScenarioRunner, SCENARIO_CALLER, StepFailed, type ScenarioReport, type StepReport } from './runner/scenario-runner';
export { loadScenarios, scenarioFiles, DEFAULT_SCENARIO_DIR, type ScenarioCatalog } from './runner/scenario-catalog';
export { renderScenarioTable, formatMs } from './runner/scenario-report';
