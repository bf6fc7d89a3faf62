// The 挂接关系 tree, loaded one level at a time (the national tree has ~3,300 units), with a search that expands
// the path to the unit found.
import { useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Input, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ot } from '../../../locales/org-tools.zh-CN.ts';
import { children, type SearchHit, searchUnits, type TreeNode } from '../api.ts';

const ROOT = 'bm0100';

interface Node extends DataNode {
  key: string;
  children?: Node[];
}

function toNode(n: TreeNode): Node {
  return {
    key: n.code,
    isLeaf: n.childCount === 0,
    title: (
      <span>
        {n.displayName} <span style={{ color: '#999', fontSize: 12 }}>{n.code}</span>
        {!n.enabled && <Tag style={{ marginInlineStart: 6 }}>{ot.orgTree.disabled}</Tag>}
      </span>
    ),
  };
}

function setChildren(nodes: Node[], key: string, kids: Node[]): Node[] {
  return nodes.map((n) =>
    n.key === key ? { ...n, children: kids } : n.children ? { ...n, children: setChildren(n.children, key, kids) } : n,
  );
}

export function UnitTree({
  selected,
  onSelect,
  version,
}: {
  selected: string | null;
  onSelect: (code: string) => void;
  version: number;
}) {
  const client = useQueryClient();
  const [nodes, setNodes] = useState<Node[]>([{ key: ROOT, title: '国务院办公厅', isLeaf: false }]);
  const [expanded, setExpanded] = useState<string[]>([ROOT]);
  const [hits, setHits] = useState<SearchHit[]>([]);

  const load = useCallback(
    async (code: string) => {
      const res = await client.fetchQuery({
        queryKey: ['org-tree', 'children', code, version],
        queryFn: () => children(code),
      });
      setNodes((prev) => setChildren(prev, code, res.items.map(toNode)));
    },
    [client, version],
  );
  // After a change (a new `version`, hence a new `load`) the expanded levels are reloaded so names, states and
  // moves show; expanding itself loads through loadData.
  const expandedRef = useRef(expanded);
  expandedRef.current = expanded;
  useEffect(() => {
    for (const code of expandedRef.current) void load(code);
  }, [load]);

  const reveal = async (hit: SearchHit) => {
    const path = hit.pathCodes.slice(0, -1);
    for (const code of path) await load(code);
    setExpanded((prev) => [...new Set([...prev, ...path])]);
    onSelect(hit.code);
  };

  return (
    <>
      <AutoComplete
        style={{ width: '100%', marginBottom: 12 }}
        options={hits.map((h) => ({ value: h.code, label: `${h.displayName}（${h.code}）` }))}
        onSearch={(q) => {
          if (q.trim()) void searchUnits(q.trim()).then((r) => setHits(r.items));
          else setHits([]);
        }}
        onSelect={(code: string) => {
          const hit = hits.find((h) => h.code === code);
          if (hit) void reveal(hit);
        }}
      >
        <Input.Search placeholder={ot.orgTree.search} aria-label={ot.orgTree.search} />
      </AutoComplete>
      <Tree<Node>
        treeData={nodes}
        expandedKeys={expanded}
        selectedKeys={selected ? [selected] : []}
        onExpand={(keys) => setExpanded(keys.map(String))}
        loadData={(node) => load(String(node.key))}
        onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
        height={560}
        blockNode
      />
    </>
  );
}
