namespace HyenaFlow.Workflows.Definitions;

/// <summary>Finds the cycles of a dependency graph (Tarjan's strongly connected components) and names one concrete
/// loop through each, starting at its earliest stage.</summary>
internal static class StageCycles
{
    /// <param name="needs">For each stage index, the indexes of the stages it needs (self-edges excluded).</param>
    /// <returns>Each cycle as stage indexes, the first repeated at the end.</returns>
    public static List<List<int>> Find(IReadOnlyList<IReadOnlyCollection<int>> needs)
    {
        var cycles = new List<List<int>>();
        foreach (var component in StronglyConnected(needs).Where(c => c.Count > 1))
        {
            var members = component.ToHashSet();
            var start = component.Min();
            cycles.Add(LoopFrom(start, needs, members));
        }

        return cycles.OrderBy(c => c[0]).ToList();
    }

    private static List<int> LoopFrom(int start, IReadOnlyList<IReadOnlyCollection<int>> needs, HashSet<int> members)
    {
        // Breadth-first inside the component gives the shortest loop back to the start.
        var previous = new Dictionary<int, int>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in needs[node].Where(members.Contains).Order())
            {
                if (next == start)
                {
                    var loop = new List<int> { start };
                    for (var at = node; at != start; at = previous[at])
                        loop.Insert(1, at);
                    loop.Add(start);
                    return loop;
                }

                if (previous.TryAdd(next, node))
                    queue.Enqueue(next);
            }
        }

        return [start, start];
    }

    private static List<List<int>> StronglyConnected(IReadOnlyList<IReadOnlyCollection<int>> needs)
    {
        var index = new int[needs.Count];
        var low = new int[needs.Count];
        var onStack = new bool[needs.Count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var components = new List<List<int>>();
        var counter = 0;

        void Visit(int node)
        {
            index[node] = low[node] = counter++;
            stack.Push(node);
            onStack[node] = true;
            foreach (var next in needs[node])
            {
                if (index[next] < 0)
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack[next])
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] != index[node])
                return;
            var component = new List<int>();
            int member;
            do
            {
                member = stack.Pop();
                onStack[member] = false;
                component.Add(member);
            }
            while (member != node);
            components.Add(component);
        }

        for (var node = 0; node < needs.Count; node++)
        {
            if (index[node] < 0)
                Visit(node);
        }

        return components;
    }
}
