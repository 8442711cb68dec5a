/**
 * Errors shaped like `OfficeExtension.Error` (name "RichApi.Error", `code`, `debugInfo`), with the texts
 * Office.js itself uses. Texts marked (office.js) were copied from @microsoft/office-js's en-us string
 * table; the others are the texts Excel's service returns as seen in public issue reports.
 */
export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  invalidObjectPath: "InvalidObjectPath",
  invalidRequestContext: "InvalidRequestContext",
} as const;

export interface SimulatedDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

export class SimulatedOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: SimulatedDebugInfo;
  readonly traceMessages: string[] = [];
  readonly httpStatusCode?: number;

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export const Messages = {
  /** (office.js) L_PropertyNotLoaded */
  propertyNotLoaded: (name: string) =>
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  /** (office.js) L_ValueNotLoaded */
  valueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  /** (office.js) L_RequestPayloadSizeLimitExceededMessage */
  requestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  /** (office.js) L_ResponsePayloadSizeLimitExceededMessage */
  responsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  /** (office.js) L_ApiNotFoundDetails */
  apiNotFound: (api: string, version: string) =>
    `The method or property ${api} is part of the ExcelApi ${version} requirement set, which is not available in your version of Excel.`,
  /** (office.js) L_InvalidOperationInCellEditMode */
  cellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  /** (office.js) CoreResourceStrings InvalidObjectPath */
  invalidObjectPath: (path: string) =>
    `The object path '${path}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
  /** (office.js) CoreResourceStrings InvalidRequestContext */
  invalidRequestContext: "Cannot use the object across different request contexts.",
  invalidArgument: "The argument is invalid or missing or has an incorrect format.",
  itemNotFound: "The requested resource doesn't exist.",
  itemAlreadyExists: "A resource with the same name or identifier already exists.",
  accessDenied: "You cannot perform the requested operation.",
  dimensionMismatch:
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  invalidOperation: "The operation is invalid for the object.",
} as const;

export function propertyNotLoaded(name: string): SimulatedOfficeError {
  return new SimulatedOfficeError(ErrorCodes.propertyNotLoaded, Messages.propertyNotLoaded(name));
}

export function invalidArgument(location: string): SimulatedOfficeError {
  return new SimulatedOfficeError(ErrorCodes.invalidArgument, Messages.invalidArgument, location);
}

export function accessDenied(location: string): SimulatedOfficeError {
  return new SimulatedOfficeError(ErrorCodes.accessDenied, Messages.accessDenied, location);
}

export function itemNotFound(location: string): SimulatedOfficeError {
  return new SimulatedOfficeError(ErrorCodes.itemNotFound, Messages.itemNotFound, location);
}
