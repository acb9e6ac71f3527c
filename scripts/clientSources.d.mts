export declare function clientBuildIsStale(root: string, builtIndex: string): boolean;
