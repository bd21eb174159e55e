/**
 * One typed worker RPC for every engine that runs in a Web Worker (the query lab, the simulator).
 * See README.md for how to add a method and how progress, abort and terminate behave.
 */
export {
  defineContract,
  type CallOptions,
  type Contract,
  type MethodName,
  type MethodSpec,
  type ParamsIn,
  type ParamsOut,
  type ProgressIn,
  type ProgressOut,
  type ResultIn,
  type ResultOut,
} from './contract';
export { bindApi, inProcessApi, type CallArgs, type RpcApi } from './api';
export {
  createRpcClient,
  type RpcClient,
  type RpcClientOptions,
  type WorkerEventLike,
  type WorkerLike,
} from './client';
export {
  describeIssues,
  isAbortError,
  RPC_ERROR_KINDS,
  RpcError,
  type RpcErrorKind,
} from './errors';
export {
  serveRpc,
  type HandlerContext,
  type Handlers,
  type ScopeLike,
  type ServeOptions,
} from './server';
