// index.d.ts names Node's Buffer; the check compiles without @types/node.
declare global {
  type Buffer = Uint8Array
}
export {}
