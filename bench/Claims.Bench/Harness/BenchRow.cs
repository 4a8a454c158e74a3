namespace Claims.Bench.Harness;

/// <summary>One line of the results table: a measured figure, the baseline it is compared with (same run, same database), and the ratio.</summary>
public sealed record BenchRow(string Benchmark, string Case, double Value, string Unit, double? Baseline, string? BaselineName, string? Target = null)
{
    public double? Ratio => Baseline is > 0 ? Value / Baseline : null;
}

public static class BenchStats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

public static class BenchPercentiles
{
    /// <summary>The nearest-rank percentile (0–100) of <paramref name="values"/>.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
