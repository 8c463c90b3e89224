/** This action's name and version, as package.json has them (a test keeps the two equal). */
export const ACTION_NAME = 'databricks-bundle-airgap-action';
export const ACTION_VERSION = '0.1.0';
