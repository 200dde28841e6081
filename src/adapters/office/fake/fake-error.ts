/**
 * The errors the fake raises, shaped like OfficeExtension.Error (name, code, debugInfo) so the
 * adapter's error handling is exercised on the same fields it reads in Excel.
 */
export type FakeErrorCode =
  | 'AccessDenied'
  | 'BadPassword'
  | 'GeneralException'
  | 'PropertyNotLoaded'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'InvalidRequestContext'
  | 'RangeExceedsLimit'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'InactiveWorkbook'
  | 'ServiceNotAvailable';

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: FakeErrorCode,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

/** Office.js's own wording for a property read before load + sync. */
export function propertyNotLoaded(prop: string, location: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    location,
  );
}
